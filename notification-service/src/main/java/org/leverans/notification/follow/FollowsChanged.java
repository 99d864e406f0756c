package org.leverans.notification.follow;

/** Published once a person's follows have changed (and are committed), so their open streams can follow suit. */
public record FollowsChanged(String subject) {
}
