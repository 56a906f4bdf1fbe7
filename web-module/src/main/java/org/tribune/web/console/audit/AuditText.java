package org.tribune.web.console.audit;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry as a person reads it, in the console's language: who acted (« visiteur non
 * connecté » for a refused sign-in or a reader's report, « système » for what Tribune did by
 * itself), on what (« article n° 8 », linked to its editor; « commentaire n° 12 »; « export JSON »)
 * and the details (« approuvé », « administrateur → rédacteur en chef », « Retirer le commentaire —
 * Injure, diffamation… »). The log itself keeps its plain records (« article 8 », « APPROVED »):
 * they are what the filter searches, the export carries and the server log shows; only their
 * showing is translated. A record this class does not know is shown as it was written.
 */
public final class AuditText {
  /** What the page shows of an entry; {@code link} is a console address, or {@code null}. */
  public record Shown(String actor, String target, String link, String detail) {}

  private static final Set<AuditAction> BY_VISITORS =
      EnumSet.of(
          AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_DELAYED, AuditAction.REPORT_RECEIVED);

  private static final Set<AuditAction> GONE =
      EnumSet.of(
          AuditAction.ARTICLE_DELETED, AuditAction.MEDIA_DELETED, AuditAction.COMMENTS_DELETED);

  private static final Pattern ARTICLE = Pattern.compile("(article|page)[ :](\\d+)");
  private static final Pattern NUMBERED =
      Pattern.compile("(comment|media|section|tag|author|ban) (\\d+)");
  private static final Pattern COMMENTS = Pattern.compile("comments \\[([\\d, ]*)\\]");
  private static final Pattern AREA =
      Pattern.compile("appearance|home|menus|discussions|demo-content|site|reports\\.hide-after");
  private static final Pattern FORMAT = Pattern.compile("json|wxr|disqus|media");

  private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z_]+");
  private static final Pattern ROLE_CHANGE = Pattern.compile("([A-Z]+)→([A-Z]+)(, disabled)?");
  private static final Pattern REVISION = Pattern.compile("revision (\\d+)");
  private static final Pattern REPLY = Pattern.compile("reply (\\d+)");
  private static final Pattern CREATED = Pattern.compile("created (.*)");
  private static final Pattern RENAMED = Pattern.compile("renamed (.*)");
  private static final Pattern MERGED = Pattern.compile("merged into tag (\\d+)");
  private static final Pattern MODERATION = Pattern.compile("moderation ([A-Z_]+|inherited)");
  private static final Pattern PLACE = Pattern.compile("position (\\d+)(?:, until (.*))?");
  private static final Pattern MEDIA_USED = Pattern.compile("(.*) \\((\\d+) articles\\)");
  private static final Pattern ERASED = Pattern.compile("(\\d+) comment\\(s\\)");
  private static final Pattern BACKUP = Pattern.compile("(\\d+) bytes in (\\d+) ms");
  private static final Pattern SANCTION =
      Pattern.compile("(SUSPENDED|HELD) (for good|\\S+)(?:, comment (\\d+))?");
  private static final Pattern DECISION = Pattern.compile("([A-Z_]+) ([A-Z_]+)(?: (\\S+))?");
  private static final Pattern CHANGE = Pattern.compile("(.*) -> (.*)");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern DEMO =
      Pattern.compile("off, (\\d+) articles removed, (\\d+) edited kept");

  private final ResourceBundle console;
  private final ResourceBundle site;
  private final Locale locale;
  private final String contextPath;

  AuditText(ResourceBundle console, ResourceBundle site, Locale locale, String contextPath) {
    this.console = console;
    this.site = site;
    this.locale = locale;
    this.contextPath = contextPath;
  }

  Shown show(AuditEntry entry) {
    String actor =
        entry.actor() != null
            ? entry.actor()
            : text(BY_VISITORS.contains(entry.action()) ? "audit.visitor" : "audit.system");
    String target = entry.target();
    String shownTarget = target == null ? "" : target;
    String link = null;
    boolean gone = GONE.contains(entry.action()) || "deleted".equals(entry.detail());
    Matcher m;
    if (target == null) {
      // nothing acted on
    } else if ((m = ARTICLE.matcher(target)).matches()) {
      shownTarget = format("audit.target." + m.group(1), m.group(2));
      link = gone ? null : contextPath + "/admin/articles/edit?id=" + m.group(2);
    } else if ((m = NUMBERED.matcher(target)).matches()) {
      String kind = m.group(1);
      shownTarget = format("audit.target." + kind, m.group(2));
      if (!gone && kind.equals("media")) {
        link = contextPath + "/admin/media/edit?id=" + m.group(2);
      } else if (!gone && List.of("section", "tag", "author").contains(kind)) {
        link = contextPath + "/admin/taxonomy";
      }
    } else if ((m = COMMENTS.matcher(target)).matches()) {
      List<String> ids =
          Arrays.stream(m.group(1).split(",\\s*")).filter(s -> !s.isEmpty()).toList();
      shownTarget = format("audit.target.comments", ids.size(), String.join(", ", ids));
    } else if (AREA.matcher(target).matches()) {
      shownTarget = text("audit.target.area." + target);
    } else if (FORMAT.matcher(target).matches()) {
      shownTarget = text("audit.target.format." + target);
    }
    String detail =
        entry.action() == AuditAction.REPORT_RECEIVED && entry.detail() != null
            ? lookup("reports.reason." + entry.detail()).orElseGet(() -> detail(entry.detail()))
            : detail(entry.detail());
    return new Shown(actor, shownTarget, link, detail);
  }

  private String detail(String detail) {
    if (detail == null || detail.isEmpty()) {
      return "";
    }
    Optional<String> phrase = lookup("audit.value." + detail.replace(' ', '-'));
    if (phrase.isPresent()) {
      return phrase.get();
    }
    Matcher m;
    if (TOKEN.matcher(detail).matches()) {
      return token(detail).orElse(detail);
    }
    if ((m = DEMO.matcher(detail)).matches()) {
      return format(
          "audit.detail.demo-removed", Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }
    if ((m = ROLE_CHANGE.matcher(detail)).matches()) {
      return format(
          m.group(3) == null ? "audit.detail.role-change" : "audit.detail.role-change-disabled",
          token(m.group(1)).orElse(m.group(1)),
          token(m.group(2)).orElse(m.group(2)));
    }
    if ((m = REVISION.matcher(detail)).matches()) {
      return format("audit.detail.revision", m.group(1));
    }
    if ((m = REPLY.matcher(detail)).matches()) {
      return format("audit.detail.reply", m.group(1));
    }
    if ((m = MERGED.matcher(detail)).matches()) {
      return format("audit.detail.merged", m.group(1));
    }
    if ((m = MODERATION.matcher(detail)).matches()) {
      String mode =
          m.group(1).equals("inherited")
              ? text("audit.value.inherited")
              : lookup("settings.mode." + m.group(1)).orElse(m.group(1));
      return format("audit.detail.moderation", mode);
    }
    if ((m = CREATED.matcher(detail)).matches()) {
      return format("audit.detail.created", m.group(1));
    }
    if ((m = RENAMED.matcher(detail)).matches()) {
      return format("audit.detail.renamed", m.group(1));
    }
    if ((m = PLACE.matcher(detail)).matches()) {
      return m.group(2) == null
          ? format("audit.detail.place", m.group(1))
          : format("audit.detail.place-until", m.group(1), m.group(2));
    }
    if ((m = MEDIA_USED.matcher(detail)).matches()) {
      return format("audit.detail.media-used", m.group(1), Long.parseLong(m.group(2)));
    }
    if ((m = ERASED.matcher(detail)).matches()) {
      return format("audit.detail.erased", Long.parseLong(m.group(1)));
    }
    if ((m = BACKUP.matcher(detail)).matches()) {
      return format(
          "audit.detail.backup",
          Long.parseLong(m.group(1)) / (1024.0 * 1024.0),
          Long.parseLong(m.group(2)) / 1000.0);
    }
    if ((m = SANCTION.matcher(detail)).matches()) {
      String length =
          m.group(2).equals("for good")
              ? text("reports.suspension.FOREVER")
              : lookup("reports.suspension." + m.group(2)).orElse(m.group(2));
      String effect = lookup("moderation.effect." + m.group(1)).orElse(m.group(1));
      return m.group(3) == null
          ? format("audit.detail.sanction", effect, length)
          : format("audit.detail.sanction-comment", effect, length, m.group(3));
    }
    if ((m = DECISION.matcher(detail)).matches()
        && lookup("reports.outcome." + m.group(1)).isPresent()) {
      String outcome = text("reports.outcome." + m.group(1));
      String rule = lookup("reports.rule." + m.group(2)).orElse(m.group(2));
      return m.group(3) == null
          ? format("audit.detail.decision", outcome, rule)
          : format(
              "audit.detail.decision-suspension",
              outcome,
              rule,
              lookup("reports.suspension." + m.group(3)).orElse(m.group(3)));
    }
    if ((m = CHANGE.matcher(detail)).matches()) {
      return m.group(1) + " → " + m.group(2);
    }
    if (NUMBER.matcher(detail).matches()) {
      return format("audit.detail.count", Long.parseLong(detail));
    }
    // Lists of settings (« moderation=APPROVE_ALL, max-length=500 ») and the like: their values
    // that are names of states, roles or modes are translated in place.
    Matcher tokens = TOKEN.matcher(detail);
    StringBuilder shown = new StringBuilder();
    while (tokens.find()) {
      tokens.appendReplacement(
          shown, Matcher.quoteReplacement(token(tokens.group()).orElse(tokens.group())));
    }
    tokens.appendTail(shown);
    return shown.toString();
  }

  /** A state, a role, a mode or a reason named in the console's language, if it is one. */
  private Optional<String> token(String name) {
    return lookup("audit.value." + name)
        .or(() -> lookup("role." + name))
        .or(() -> lookup("reports.reason." + name))
        .or(() -> lookup("settings.mode." + name));
  }

  private String text(String key) {
    return lookup(key).orElse(key);
  }

  private String format(String key, Object... arguments) {
    return new MessageFormat(text(key), locale).format(arguments);
  }

  private Optional<String> lookup(String key) {
    for (ResourceBundle bundle : List.of(console, site)) {
      try {
        return Optional.of(bundle.getString(key));
      } catch (MissingResourceException e) {
        // the next bundle
      }
    }
    return Optional.empty();
  }
}
