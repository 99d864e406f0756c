package org.leverans.notification.subscription;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leverans.contracts.TokenClaims;
import org.leverans.web.caller.Caller;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Remembers each person as their token describes them whenever they call the service, so e-mail reaches their
 * current address, in their language, about what they may see now.
 */
@Component
class SubscriberRefresh implements HandlerInterceptor {

	private final Subscribers subscribers;

	SubscriberRefresh(Subscribers subscribers) {
		this.subscribers = subscribers;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		// A live stream that ends is dispatched again, long after its token was read: refreshing then could put back
		// who the person was when they connected over what they have since become.
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			refresh(jwt);
		}
		return true;
	}

	void refresh(Jwt jwt) {
		Caller caller = Caller.of(jwt);
		this.subscribers.refresh(caller.subject(), jwt.getClaimAsString(TokenClaims.NAME),
				jwt.getClaimAsString(TokenClaims.EMAIL), jwt.getClaimAsString(TokenClaims.LOCALE), caller.roles(),
				caller.customerId(), caller.siteIds());
	}
}
