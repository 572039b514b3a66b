package dev.campaignkeeper.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting, as the chat adapter knows them: the user, whether they administer the guild,
 * and the roles they hold there.
 *
 * @param user the acting user
 * @param administrator whether the user is a guild administrator
 * @param roles the user's roles in the guild
 */
public record Actor(UserId user, boolean administrator, Set<RoleId> roles) {

    /**
     * Validates and copies the fields.
     *
     * @param user the acting user
     * @param administrator whether the user is a guild administrator
     * @param roles the user's roles in the guild
     */
    public Actor {
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    }

    /**
     * An actor with no roles and no administrator rights.
     *
     * @param user the user
     * @return the actor
     */
    public static Actor member(UserId user) {
        return new Actor(user, false, Set.of());
    }

    /**
     * Tells whether this actor holds a role.
     *
     * @param role the role
     * @return true if held
     */
    public boolean holds(RoleId role) {
        return roles.contains(role);
    }
}
