package org.leverans.web.input;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Query parameters and path variables are held to the rules of request bodies: a query parameter the endpoint does
 * not take is a 400 naming it (a misspelt filter would otherwise silently return everything), and a value with a
 * control character or longer than {@link Text#DEFAULT_MAX_LENGTH} is a 400 naming its parameter, before anything
 * reaches a query.
 *
 * <p>
 * The parameters an endpoint takes are read from its handler method: its {@code @RequestParam}s, the fields of a
 * record it binds from the query, and the names its mapping's {@code params} condition tests. Only the service's own
 * controllers are checked, not those of libraries (actuator, the OpenAPI document).
 */
public class StrictRequestParameters implements HandlerInterceptor {

	private static final Set<String> ANY = Set.of("*");

	private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

	private final String basePackage;

	/** @param basePackage whose controllers are checked, e.g. {@code org.leverans} */
	public StrictRequestParameters(String basePackage) {
		this.basePackage = basePackage;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)
				|| !method.getBeanType().getPackageName().startsWith(this.basePackage)) {
			return true;
		}
		List<FieldProblem> errors = new ArrayList<>();
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), errors));
		}
		Set<String> allowed = this.known.computeIfAbsent(method.getMethod(), m -> parameterNames(method));
		for (Map.Entry<String, String[]> parameter : queryParameters(request).entrySet()) {
			String name = parameter.getKey();
			if (Text.firstControl(name, false) >= 0 || name.length() > Text.DEFAULT_MAX_LENGTH) {
				errors.add(FieldProblem.field("query", FieldProblem.CONTROL_CHARACTER,
						"A query parameter's name has control characters or is too long."));
				continue;
			}
			if (allowed != ANY && !allowed.contains(name)) {
				errors.add(FieldProblem.field(name, FieldProblem.UNKNOWN_FIELD, "'" + name + "' is not a query "
						+ "parameter here" + (allowed.isEmpty() ? "; this endpoint takes none." : "; it takes "
								+ String.join(", ", allowed) + ".")));
				continue;
			}
			for (String value : parameter.getValue()) {
				check(name, value, errors);
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		return true;
	}

	private static void check(String name, String value, List<FieldProblem> errors) {
		String problem = Text.problem(value, false, Text.DEFAULT_MAX_LENGTH);
		if (problem != null) {
			errors.add(FieldProblem.field(name, Text.tooLong(value, Text.DEFAULT_MAX_LENGTH)
					? FieldProblem.INVALID_SIZE : FieldProblem.CONTROL_CHARACTER, problem));
		}
	}

	/** Only the query string: a form body is not a parameter of a JSON API, and reading it here would consume it. */
	private static Map<String, String[]> queryParameters(HttpServletRequest request) {
		String query = request.getQueryString();
		if (!StringUtils.hasLength(query)) {
			return Map.of();
		}
		return request.getParameterMap();
	}

	private static Set<String> parameterNames(HandlerMethod method) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
				if (!StringUtils.hasText(param.name()) && Map.class.isAssignableFrom(parameter.getParameterType())) {
					return ANY;
				}
				names.add(name);
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class)
					|| (parameter.getParameterAnnotations().length == 0
							&& parameter.getParameterType().isRecord() && parameter.getParameterType() != Caller.class
							&& !BeanUtils.isSimpleProperty(parameter.getParameterType()))) {
				for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
					names.add(component.getName());
				}
			}
		}
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
		if (mapping != null) {
			for (String condition : mapping.params()) {
				names.add(condition.replaceFirst("^!", "").replaceFirst("!?=.*$", ""));
			}
		}
		return names;
	}
}
