package dev.campaignkeeper.core.error;

import java.util.Objects;

/** The bot lacks a permission on the platform, such as Manage Roles or Manage Webhooks. */
public class MissingPermissionException extends PlatformException {

    /** The missing permission, as a server admin sees it. */
    private final String permission;

    /**
     * Creates the exception.
     *
     * @param permission the missing permission as a server admin sees it, e.g. "Manage Roles"
     */
    public MissingPermissionException(String permission) {
        super("The bot is missing the \"" + Objects.requireNonNull(permission, "permission")
                + "\" permission. Ask a server admin to grant it to the bot's role, then try again.");
        this.permission = permission;
    }

    /**
     * The missing permission.
     *
     * @return e.g. "Manage Roles"
     */
    public String permission() {
        return permission;
    }
}
