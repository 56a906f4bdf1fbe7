package org.tribune.web.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void anAdministratorPassesEveryCheck() {
    assertEquals(Set.of("ADMIN", "EDITOR", "AUTHOR", "MODERATOR"), Role.ADMIN.groups());
  }

  @Test
  void anEditorMayWriteButNeitherModerateNorAdminister() {
    assertEquals(Set.of("EDITOR", "AUTHOR"), Role.EDITOR.groups());
  }

  @Test
  void authorsAndModeratorsHaveOnlyTheirOwnCapability() {
    assertEquals(Set.of("AUTHOR"), Role.AUTHOR.groups());
    assertEquals(Set.of("MODERATOR"), Role.MODERATOR.groups());
  }

  @Test
  void passwordsShorterThanTenCharactersOrBlankAreRefused() {
    assertEquals(false, Passwords.isAcceptable("court"));
    assertEquals(false, Passwords.isAcceptable("          "));
    assertEquals(false, Passwords.isAcceptable(null));
    assertEquals(false, Passwords.isAcceptable("x".repeat(Passwords.MAX_LENGTH + 1)));
    assertEquals(true, Passwords.isAcceptable("une phrase assez longue"));
  }
}
