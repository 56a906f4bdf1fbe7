package org.tribune.web.console.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a staff account may do. Each role grants the capabilities listed with it, and the server
 * checks capabilities (the security groups of the signed-in caller, which the web.xml constraints
 * and {@code isCallerInRole} test), so an administrator passes every check an editor passes, and so
 * on.
 */
public enum Role {
  /** Everything, accounts and settings included. */
  ADMIN,
  /** Edits and publishes every article; manages sections, tags and authors. */
  EDITOR,
  /** Writes own articles and submits them for review. */
  AUTHOR,
  /** Handles discussions. */
  MODERATOR;

  /** The capabilities (security group names) this role grants. */
  public Set<String> groups() {
    Set<Role> granted =
        switch (this) {
          case ADMIN -> EnumSet.allOf(Role.class);
          case EDITOR -> EnumSet.of(EDITOR, AUTHOR);
          case AUTHOR -> EnumSet.of(AUTHOR);
          case MODERATOR -> EnumSet.of(MODERATOR);
        };
    return granted.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
  }
}
