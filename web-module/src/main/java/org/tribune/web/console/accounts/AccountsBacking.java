package org.tribune.web.console.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tribune.articles.api.Author;
import org.tribune.articles.api.AuthorService;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Account;
import org.tribune.web.console.security.Accounts;
import org.tribune.web.console.security.Passwords;
import org.tribune.web.console.security.Role;
import org.tribune.web.console.security.Staff;

/**
 * Backs {@code /admin/accounts.xhtml} (administrators only, by {@code web.xml} and again here): the
 * list of accounts and one form to create an account or change the selected one. The last active
 * administrator can be neither demoted nor disabled, so the site never locks itself out.
 */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]+$");

  @Inject private Accounts accounts;
  @Inject private AuthorService authors;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;

  private List<Account> list;
  private transient List<Author> authorList;
  private transient Map<Long, String> authorNames;
  private Long editedId;
  private String email;
  private String displayName;
  private Role role = Role.AUTHOR;
  private Long authorId;
  private boolean active = true;
  private String password;

  @PostConstruct
  void load() {
    list = accounts.all();
  }

  public List<Account> getList() {
    return list;
  }

  /** The authors an account may write as, read once per view (the list asks once per row). */
  public List<Author> getAuthors() {
    if (authorList == null) {
      authorList = authors.all();
    }
    return authorList;
  }

  /** Author names by id, for the list. */
  public Map<Long, String> getAuthorNames() {
    if (authorNames == null) {
      authorNames = getAuthors().stream().collect(Collectors.toMap(Author::id, Author::name));
    }
    return authorNames;
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public void edit(long id) {
    accounts
        .find(id)
        .ifPresent(
            account -> {
              editedId = account.id();
              email = account.email();
              displayName = account.displayName();
              role = account.role();
              authorId = account.authorId();
              active = account.active();
              password = null;
            });
  }

  public void startNew() {
    editedId = null;
    email = null;
    displayName = null;
    role = Role.AUTHOR;
    authorId = null;
    active = true;
    password = null;
  }

  public void save() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > 100) {
      messages.error("accounts.name.invalid");
      return;
    }
    if (authorId != null && authors.find(authorId).isEmpty()) {
      messages.error("accounts.author.unknown");
      return;
    }
    boolean hasPassword = password != null && !password.isEmpty();
    if ((editedId == null || hasPassword) && !Passwords.isAcceptable(password)) {
      messages.error("password.too-short", Passwords.MIN_LENGTH, Passwords.MAX_LENGTH);
      return;
    }
    if (editedId == null) {
      create(name);
    } else {
      change(name, hasPassword);
    }
    list = accounts.all();
  }

  private void create(String name) {
    String address = Accounts.normalise(email);
    if (!EMAIL.matcher(address).matches() || address.length() > 254) {
      messages.error("accounts.email.invalid");
      return;
    }
    if (accounts.findByEmail(address).isPresent()) {
      messages.error("accounts.email.taken");
      return;
    }
    accounts.create(address, name, role, password, authorId);
    staff.audit(AuditAction.ACCOUNT_CREATED, address, role.name());
    messages.info("accounts.created", address);
    startNew();
  }

  private void change(String name, boolean hasPassword) {
    Account before = accounts.find(editedId).orElse(null);
    if (before == null) {
      messages.error("accounts.gone");
      startNew();
      return;
    }
    boolean losesAdmin =
        before.role() == Role.ADMIN && before.active() && (role != Role.ADMIN || !active);
    if (losesAdmin && accounts.activeAdmins() <= 1) {
      messages.error("accounts.last-admin");
      return;
    }
    accounts.update(editedId, name, role, authorId, active);
    staff.audit(
        AuditAction.ACCOUNT_CHANGED,
        before.email(),
        before.role() + "→" + role + (active ? "" : ", disabled"));
    if (hasPassword) {
      accounts.setPassword(editedId, password);
      staff.audit(AuditAction.PASSWORD_CHANGED, before.email(), "set by an administrator");
    }
    messages.info("accounts.changed", before.email());
    startNew();
  }

  public boolean isEditing() {
    return editedId != null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public Long getAuthorId() {
    return authorId;
  }

  public void setAuthorId(Long authorId) {
    this.authorId = authorId;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
