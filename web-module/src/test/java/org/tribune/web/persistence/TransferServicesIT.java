package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleEdit;
import org.tribune.articles.api.ArticleFilter;
import org.tribune.articles.api.ArticleKey;
import org.tribune.articles.api.ArticleOrder;
import org.tribune.articles.api.ArticleRow;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.ArticleTransferService;
import org.tribune.articles.api.ArticleView;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.EditorialService;
import org.tribune.articles.api.ExportedArticle;
import org.tribune.articles.api.ExportedAuthor;
import org.tribune.articles.api.ExportedSection;
import org.tribune.articles.api.ImportedArticle;
import org.tribune.articles.api.ImportedAuthor;
import org.tribune.articles.api.ImportedSection;
import org.tribune.articles.api.MediaService;
import org.tribune.articles.api.RevisionContent;
import org.tribune.articles.api.RevisionInfo;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.Tag;
import org.tribune.articles.api.TagService;
import org.tribune.comments.api.CommentNode;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentTransferService;
import org.tribune.comments.api.Discussion;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.ImportedComment;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.ModerationService;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.OwnComments;
import org.tribune.comments.api.PostResult;
import org.tribune.comments.api.Submission;
import org.tribune.web.console.transfer.JsonRestore;
import org.tribune.web.transfer.ImportJobs;
import org.tribune.web.transfer.ImportReport;
import org.tribune.web.transfer.JsonExporter;
import org.tribune.web.transfer.MediaArchive;

/**
 * Imports and exports on the real WAR and database: {@link ArticleTransferService} and {@link
 * CommentTransferService}, as a WordPress importer and a full exporter use them. One class, so that
 * they share one deployment (one Payara Micro start) and one database: each test makes its own data
 * with unique names. Not to be confused with {@code it.TransferIT}, the import over HTTP.
 *
 * <p>Two groups, each under its own header with the description of the class it came from and its
 * tests in their former order: articles (formerly {@code ArticleTransferIT}) and comments (formerly
 * {@code CommentTransferIT}).
 */
@ExtendWith(ArquillianExtension.class)
class TransferServicesIT {
  private static final String IMPORTER = "import:wordpress";
  private static final Duration HUMAN = Duration.ofSeconds(30);

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        .addPackage(TransferServicesIT.class.getPackage())
        // GreenMail, to receive the mails in the container (its JUnit helpers need JUnit 4).
        .addPackages(
            true,
            Filters.exclude(".*/junit[0-9]*/.*"),
            GreenMail.class.getPackage().getName().replace(".util", ""));
  }

  /** The articles' transfer service. */
  @Inject ArticleTransferService transfer;

  /** The comments' transfer service. */
  @Inject CommentTransferService commentTransfer;

  @Inject ArticleService articles;
  @Inject EditorialService editorial;
  @Inject AuthorService authors;
  @Inject SectionService sections;
  @Inject TagService tags;
  @Inject PublishedEvents publishedEvents;
  @Inject ChangedEvents changedEvents;
  @Inject CommentService comments;
  @Inject ModerationService moderation;

  @Resource(lookup = "java:comp/UserTransaction")
  UserTransaction transaction;

  @Inject WholeSite wholeSite;
  @Inject MediaService mediaService;
  @Inject JsonExporter exporter;
  @Inject MediaArchive mediaArchive;
  @Inject JsonRestore restore;

  /** The request of the Arquillian call running this test: it says where the site answers. */
  @Inject HttpServletRequest request;

  @Resource(lookup = "java:app/jdbc/tribune")
  DataSource dataSource;

  // ===============================================================================================
  // Articles (formerly ArticleTransferIT)
  //
  // ArticleTransferService, as a WordPress importer and a full exporter use it: articles written
  // with the status, dates and HTML of the source, slugs made valid and unique, sections, tags and
  // authors found again rather than duplicated, imports that leave alone what an editor changed
  // since, sticky articles first on the home page, and exports that give everything back. Each test
  // makes its own data with unique names.
  // ===============================================================================================

  /** A word of letters only, found in no other test's titles or slugs. */
  private static String word() {
    StringBuilder word = new StringBuilder();
    for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
      word.append((char) ('a' + Character.digit(c, 16)));
    }
    return word.toString();
  }

  private long author() {
    return transfer.importAuthor(
        new ImportedAuthor("login-" + word(), null, "Claire Dumont " + word(), "Journaliste."));
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  /** A plain imported article: published in 2019, HTML, one author, nothing else. */
  private static ImportedArticle article(String title, String slug, long author) {
    return new ImportedArticle(
        title,
        slug,
        "Le chapeau.",
        BodyFormat.HTML,
        "<p>Un texte.</p>",
        ArticleStatus.PUBLISHED,
        at("2019-03-04T05:06:07.123456Z"),
        at("2019-03-05T08:00:00Z"),
        at("2019-03-06T09:10:11.5Z"),
        null,
        List.of(author),
        List.of(),
        null,
        null,
        true,
        false,
        IMPORTER);
  }

  private static ImportedArticle with(
      ImportedArticle a, ArticleStatus status, Instant published, boolean sticky) {
    return new ImportedArticle(
        a.title(),
        a.slug(),
        a.standfirst(),
        a.bodyFormat(),
        a.body(),
        status,
        a.createdAt(),
        published,
        a.updatedAt(),
        a.sectionId(),
        a.authorIds(),
        a.tagIds(),
        a.leadImageUrl(),
        a.leadImageAlt(),
        a.commentsOpen(),
        sticky,
        a.importedBy());
  }

  private static ImportedArticle withBody(ImportedArticle a, String title, String body) {
    return new ImportedArticle(
        title,
        a.slug(),
        a.standfirst(),
        a.bodyFormat(),
        body,
        a.status(),
        a.createdAt(),
        a.publishedAt(),
        a.updatedAt(),
        a.sectionId(),
        a.authorIds(),
        a.tagIds(),
        a.leadImageUrl(),
        a.leadImageAlt(),
        a.commentsOpen(),
        a.sticky(),
        a.importedBy());
  }

  private static ImportedArticle withDates(ImportedArticle a, Instant created, Instant updated) {
    return new ImportedArticle(
        a.title(),
        a.slug(),
        a.standfirst(),
        a.bodyFormat(),
        a.body(),
        a.status(),
        created,
        a.publishedAt(),
        updated,
        a.sectionId(),
        a.authorIds(),
        a.tagIds(),
        a.leadImageUrl(),
        a.leadImageAlt(),
        a.commentsOpen(),
        a.sticky(),
        a.importedBy());
  }

  private ExportedArticle exported(long id) {
    return transfer.export(List.of(id)).get(0);
  }

  private List<Long> ids(List<ArticleRow> rows) {
    return rows.stream().map(ArticleRow::id).toList();
  }

  @Test
  void eachStatusIsWrittenWithItsDatesAndNothingIsAnnounced() {
    long writer = author();
    Instant created = at("2018-01-02T03:04:05.678901Z");
    Instant updated = at("2018-02-03T04:05:06Z");
    Instant past = at("2018-01-15T12:00:00Z");
    Instant future = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    Map<ArticleStatus, Instant> publication =
        Map.of(
            ArticleStatus.DRAFT, past,
            ArticleStatus.PENDING, past,
            ArticleStatus.SCHEDULED, future,
            ArticleStatus.PUBLISHED, past,
            ArticleStatus.ARCHIVED, past,
            ArticleStatus.TRASHED, past);
    for (ArticleStatus status : ArticleStatus.values()) {
      String title = "Statut " + status + " " + word();
      ImportedArticle source =
          withDates(
              with(article(title, null, writer), status, publication.get(status), false),
              created,
              updated);
      ArticleKey key = transfer.create(source);

      assertEquals(status, key.status(), title);
      assertEquals(1, key.revision());
      assertEquals(Optional.of(key), transfer.key(key.id()));
      ArticleSummary summary = articles.find(key.id()).orElseThrow();
      assertEquals(status, summary.status());
      assertEquals(publication.get(status), summary.publishedAt(), "kept, even as a planned date");
      assertEquals(updated, summary.updatedAt());
      ExportedArticle out = exported(key.id());
      assertEquals(created, out.createdAt());
      assertEquals(updated, out.updatedAt());
      List<RevisionInfo> history = editorial.revisions(key.id());
      assertEquals(List.of(new RevisionInfo(1, updated, IMPORTER, title)), history);

      boolean readable = status == ArticleStatus.PUBLISHED || status == ArticleStatus.ARCHIVED;
      assertEquals(readable, articles.isReadable(key.id()), title);
      assertEquals(readable, articles.findReadable(key.slug()).isPresent(), title);
      assertEquals(0, publishedEvents.count(key.id()), "an imported article is not news");
      assertEquals(1, changedEvents.count(key.id()), "caches forget what they held");
    }

    ArticleKey binned =
        transfer.create(
            with(article("Corbeille " + word(), null, writer), ArticleStatus.TRASHED, null, false));
    assertTrue(
        ids(editorial
                .list(
                    ArticleFilter.all().withStatus(ArticleStatus.TRASHED).withAuthor(writer),
                    ArticleOrder.UPDATED_DESC,
                    1,
                    100)
                .items())
            .contains(binned.id()),
        "in the bin");
    assertFalse(
        ids(editorial
                .list(ArticleFilter.all().withAuthor(writer), ArticleOrder.UPDATED_DESC, 1, 100)
                .items())
            .contains(binned.id()),
        "not among the other articles");
    editorial.restore(binned.id());
    assertEquals(ArticleStatus.DRAFT, articles.find(binned.id()).orElseThrow().status());

    ArticleKey late =
        transfer.create(
            with(
                article("Programmé manqué " + word(), null, writer),
                ArticleStatus.SCHEDULED,
                Instant.now().minusSeconds(3600),
                false));
    assertEquals(
        ArticleStatus.PUBLISHED, late.status(), "a schedule already past is a publication");
    assertEquals(0, publishedEvents.count(late.id()));

    assertThrows(
        IllegalArgumentException.class,
        () ->
            transfer.create(
                with(article("Sans date", null, writer), ArticleStatus.PUBLISHED, null, false)));
    assertThrows(
        ConstraintViolationException.class,
        () -> transfer.create(article(" ", null, writer)),
        "the interface's constraints are checked");
  }

  @Test
  void aScheduledImportIsPublishedByTheJobAtItsTime() throws Exception {
    long writer = author();
    Instant soon = Instant.now().plusSeconds(3);
    ArticleKey key =
        transfer.create(
            with(article("Annonce " + word(), null, writer), ArticleStatus.SCHEDULED, soon, false));
    assertEquals(ArticleStatus.SCHEDULED, key.status());
    assertFalse(articles.isReadable(key.id()));

    Instant deadline = Instant.now().plusSeconds(30);
    while (articles.find(key.id()).orElseThrow().status() != ArticleStatus.PUBLISHED
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    assertEquals(ArticleStatus.PUBLISHED, articles.find(key.id()).orElseThrow().status());
    assertTrue(articles.findReadable(key.slug()).isPresent());
    assertTrue(
        articles.latest(1, ArticleService.MAX_PAGE_SIZE).items().stream()
            .anyMatch(a -> a.id() == key.id()));
    assertEquals(
        Optional.of(key.revision()),
        transfer.key(key.id()).map(ArticleKey::revision),
        "the job's publication is no edit: a later import may still update it");
  }

  @Test
  void htmlBodiesAreSanitisedAndStoredAsHtml() {
    long writer = author();
    String w = word();
    String body =
        "<p lang=\"el\">Καλημέρα <strong>κόσμε</strong><script>alert('x')</script></p>"
            + "<p onclick=\"steal()\" style=\"color:red\">Élégant, « ça » ; œuvre"
            + " <a href=\"javascript:alert(1)\">piège</a>"
            + " <a href=\"https://example.org/r\" hreflang=\"en\">report</a></p>"
            + "<iframe src=\"https://evil.example\"></iframe>";
    ArticleKey key =
        transfer.create(
            withBody(article("x", null, writer), "Ἀθῆναι et l'été — « élégant » " + w, body));

    ArticleView view = articles.findReadable(key.slug()).orElseThrow();
    String html = view.bodyHtml();
    assertFalse(html.contains("script"), html);
    assertFalse(html.contains("onclick"), html);
    assertFalse(html.contains("style"), html);
    assertFalse(html.contains("javascript"), html);
    assertFalse(html.contains("iframe"), html);
    assertTrue(html.contains("<p lang=\"el\">Καλημέρα <strong>κόσμε</strong></p>"), html);
    assertTrue(html.contains("Élégant, « ça » ; œuvre"), html);
    assertTrue(html.contains("rel=\"noopener\""), html);
    assertTrue(html.contains("hreflang=\"en\""), html);
    assertEquals("Ἀθῆναι et l'été — « élégant » " + w, view.summary().title());

    ExportedArticle out = exported(key.id());
    assertEquals(BodyFormat.HTML, out.bodyFormat());
    assertEquals(body, out.body(), "the source is kept as it came, not converted to Markdown");
    assertEquals(html, out.bodyHtml());
    assertTrue(key.slug().matches("[a-z0-9]+(-[a-z0-9]+)*"), key.slug());
    assertEquals("athenai-et-l-ete-elegant-" + w, key.slug(), "Greek written in Latin letters");
  }

  @Test
  void slugWishesAreMadeValidAndNeverTakeAnotherArticlesCurrentOrFormerSlug() {
    long writer = author();
    String w = word();

    ArticleKey wished =
        transfer.create(article("Titre " + w, "Mon_Billet_" + w.toUpperCase(), writer));
    assertEquals("mon-billet-" + w, wished.slug());
    ArticleKey twin = transfer.create(article("Autre " + w, "mon-billet-" + w, writer));
    assertEquals("mon-billet-" + w + "-2", twin.slug());

    ArticleKey encoded = transfer.create(article("Encodé " + w, "%c3%a9t%c3%a9-" + w, writer));
    assertEquals("ete-" + w, encoded.slug());

    ArticleKey dash = transfer.create(article("Les jeux à Athènes " + w, "%e2%80%94", writer));
    assertEquals("les-jeux-a-athenes-" + w, dash.slug(), "from the title");
    ArticleKey greek =
        transfer.create(article("Jeux " + w, "%ce%b1%ce%b8%ce%ae%ce%bd%ce%b1-" + w, writer));
    assertEquals("athena-" + w, greek.slug(), "a Greek wish written in Latin letters");
    ArticleKey allGreek = transfer.create(article("Αθήνα", "%e2%80%94", writer));
    assertTrue(allGreek.slug().matches("athena(-[0-9]+)?"), allGreek.slug());
    assertEquals("Αθήνα", articles.find(allGreek.id()).orElseThrow().title());
    ArticleKey nothing = transfer.create(article("« ? »", "%e2%80%94", writer));
    assertTrue(nothing.slug().matches("article(-[0-9]+)?"), nothing.slug());

    ArticleKey longWish = transfer.create(article("Long " + w, w + "-" + "x".repeat(980), writer));
    assertTrue(longWish.slug().length() <= 200, longWish.slug());
    assertTrue(longWish.slug().startsWith(w + "-xxx"), longWish.slug());

    // A slug an article had before stays reserved for it, so its old address keeps leading there.
    String former = "ancien-" + w;
    ArticleKey moved = transfer.create(article("Déplacé " + w, former, writer));
    ArticleEdit edit = editorial.forEditing(moved.id()).orElseThrow();
    editorial.save(moved.id(), edit.version(), edit.draft().withSlug("nouveau-" + w), "Alice");
    ArticleKey after = transfer.create(article("Successeur " + w, former, writer));
    assertEquals(former + "-2", after.slug());
    assertEquals(Optional.of("nouveau-" + w), articles.currentSlug(former));
  }

  @Test
  void anUpdateReplacesAnUneditedImportAndLeavesAnEditedOneAlone() {
    long writer = author();
    String w = word();
    ImportedArticle first =
        with(article("Première " + w, "billet-" + w, writer), ArticleStatus.DRAFT, null, true);
    ArticleKey key = transfer.create(first);

    Instant published = at("2020-06-01T10:00:00Z");
    ImportedArticle newer =
        withDates(
            with(
                withBody(first, "Seconde " + w, "<p>Corrigé.</p>"),
                ArticleStatus.PUBLISHED,
                published,
                true),
            first.createdAt(),
            at("2020-06-02T10:00:00Z"));
    ArticleKey updated = transfer.update(key.id(), key.revision(), newer).orElseThrow();

    assertEquals(key.id(), updated.id());
    assertEquals(key.slug(), updated.slug());
    assertEquals(key.revision() + 1, updated.revision());
    assertEquals(ArticleStatus.PUBLISHED, updated.status());
    ArticleView view = articles.findReadable(updated.slug()).orElseThrow();
    assertEquals("Seconde " + w, view.summary().title());
    assertEquals("<p>Corrigé.</p>", view.bodyHtml());
    assertEquals(published, view.summary().publishedAt());
    List<RevisionContent> history = exported(key.id()).revisions();
    assertEquals(2, history.size());
    assertEquals(IMPORTER, history.get(1).info().savedBy());
    assertEquals(at("2020-06-02T10:00:00Z"), history.get(1).info().savedAt());
    assertEquals(0, publishedEvents.count(key.id()));

    assertEquals(
        Optional.empty(), transfer.update(key.id(), key.revision(), newer), "stale revision");

    // An editor changes it in the console: the sticky flag, which the editor does not show, stays.
    ArticleEdit edit = editorial.forEditing(key.id()).orElseThrow();
    ArticleDraft changed =
        new ArticleDraft(
            "Retouché " + w,
            edit.draft().slug(),
            edit.draft().standfirst(),
            BodyFormat.MARKDOWN,
            "Texte de la rédaction.",
            edit.draft().authorIds(),
            edit.draft().sectionId(),
            edit.draft().tagIds(),
            null,
            null,
            true);
    editorial.save(key.id(), edit.version(), changed, "Alice");
    assertTrue(exported(key.id()).sticky(), "the console keeps the sticky flag");

    ImportedArticle third = withBody(newer, "Troisième " + w, "<p>De la source.</p>");
    assertEquals(Optional.empty(), transfer.update(key.id(), updated.revision(), third));
    assertEquals("Retouché " + w, articles.find(key.id()).orElseThrow().title());
    assertEquals(3, exported(key.id()).revisions().size());
    assertEquals(Optional.empty(), transfer.update(-42L, 1, third), "gone");
    editorial.trash(key.id()); // a sticky article would lead the home page of the other tests
  }

  @Test
  void importsJoinTheCallersTransaction() throws Exception {
    long writer = author();
    transaction.begin();
    ArticleKey key;
    try {
      key = transfer.create(article("Annulé " + word(), null, writer));
      assertTrue(transfer.key(key.id()).isPresent());
    } finally {
      transaction.rollback();
    }
    assertEquals(Optional.empty(), transfer.key(key.id()));
  }

  @Test
  void sectionsTagsAndAuthorsAreFoundAgainRatherThanDuplicated() {
    String w = word();
    long top =
        transfer.importSection(new ImportedSection("Actu_" + w, "Actualités " + w, "Tout.", null));
    assertEquals(
        top, transfer.importSection(new ImportedSection("actu-" + w, "Autre nom", "", null)));
    long sub =
        transfer.importSection(new ImportedSection("%c3%a9co-" + w, "Économie " + w, null, top));
    long deeper =
        transfer.importSection(new ImportedSection("bourse-" + w, "Bourse " + w, null, sub));
    long fromName =
        transfer.importSection(new ImportedSection("%e2%80%94", "Sport " + w, null, null));
    long greek = transfer.importSection(new ImportedSection(null, "Αθλητισμός Ελλάδα", null, null));
    assertEquals(
        greek, transfer.importSection(new ImportedSection("", "Αθλητισμός Ελλάδα", null, null)));
    assertEquals(
        fromName, transfer.importSection(new ImportedSection(null, "Sport " + w, "", null)));

    Map<Long, ExportedSection> exported =
        transfer.sections().stream().collect(Collectors.toMap(ExportedSection::id, s -> s));
    assertEquals("actu-" + w, exported.get(top).slug());
    assertEquals("Actualités " + w, exported.get(top).name(), "an existing one is left as it is");
    assertEquals("Tout.", exported.get(top).description());
    assertEquals("eco-" + w, exported.get(sub).slug());
    assertEquals(top, exported.get(sub).parentId());
    assertEquals(top, exported.get(deeper).parentId(), "sections nest one level");
    assertEquals("sport-" + w, exported.get(fromName).slug());
    List<Long> order = transfer.sections().stream().map(ExportedSection::id).toList();
    for (ExportedSection s : transfer.sections()) {
      if (s.parentId() != null) {
        assertTrue(order.indexOf(s.parentId()) < order.indexOf(s.id()), "parents first");
      }
    }

    long tag = transfer.importTag("Velo_" + w, "Vélo " + w, "Deux roues.");
    assertEquals(tag, transfer.importTag("velo-" + w, "Autre", null), "by slug");
    assertEquals(tag, transfer.importTag("bicyclette-" + w, "vélo " + w, null), "then by name");
    assertEquals(tag, transfer.importTag(null, "VÉLO " + w, null));
    long other = transfer.importTag("%e2%80%94", "Marche " + w, null);
    assertEquals("marche-" + w, tags.find(other).orElseThrow().slug(), "made from the name");
    long greekTag = transfer.importTag(null, "Ποδήλατο", null);
    assertEquals(greekTag, transfer.importTag(null, "Ποδήλατο", null));
    assertTrue(
        tags.find(greekTag).orElseThrow().slug().matches("podelato(-[0-9]+)?"),
        () -> "written in Latin letters: " + tags.find(greekTag).orElseThrow().slug());
    List<String> tagSlugs = transfer.tags().stream().map(Tag::slug).toList();
    assertEquals(tagSlugs.stream().sorted().toList(), tagSlugs, "by slug");

    long claire =
        transfer.importAuthor(
            new ImportedAuthor(
                "cdumont" + w, "Claire." + w + "@Example.ORG", "Claire Dumont", "Bio."));
    assertEquals(
        claire,
        transfer.importAuthor(
            new ImportedAuthor("autre" + w, "  claire." + w + "@example.org ", "C. D.", null)),
        "by e-mail, any case");
    assertEquals(
        claire,
        transfer.importAuthor(new ImportedAuthor("CDumont" + w, null, "Claire", null)),
        "by the slug of the login");
    long julien =
        transfer.importAuthor(new ImportedAuthor("jm_" + w, null, "Julien Marchand", null));
    assertEquals(
        julien,
        transfer.importAuthor(
            new ImportedAuthor("JM-" + w, "julien." + w + "@example.org", "J", null)));
    assertEquals(
        julien,
        transfer.importAuthor(
            new ImportedAuthor("x" + w, "JULIEN." + w + "@example.org", "J", null)),
        "the address found with the login was kept");
    long named = transfer.importAuthor(new ImportedAuthor(null, null, "Léa Martin " + w, null));
    assertEquals(
        named, transfer.importAuthor(new ImportedAuthor("", " ", "Léa Martin " + w, null)));
    assertNotEquals(claire, julien);

    Map<Long, ExportedAuthor> byId =
        transfer.authors().stream().collect(Collectors.toMap(ExportedAuthor::id, a -> a));
    assertEquals("claire." + w + "@example.org", byId.get(claire).email());
    assertEquals("cdumont" + w, byId.get(claire).slug());
    assertEquals("Claire Dumont", byId.get(claire).name());
    assertEquals("Bio.", byId.get(claire).bio());
    assertEquals("jm-" + w, byId.get(julien).slug());
    assertEquals("julien." + w + "@example.org", byId.get(julien).email());
    assertNull(byId.get(named).email());
    assertEquals("lea-martin-" + w, byId.get(named).slug());
    List<String> authorSlugs = transfer.authors().stream().map(ExportedAuthor::slug).toList();
    assertEquals(authorSlugs.stream().sorted().toList(), authorSlugs, "by slug");
  }

  @Test
  void anArticlesNeighboursAreTheListedOnesPublishedJustBeforeAndAfterItTiesByNumber()
      throws Exception {
    long writer = author();
    String w = word();
    // Dates no other test uses (a random minute of 1990), two of them equal.
    Instant base =
        Instant.parse("1990-01-01T00:00:00Z").plusSeconds(60L * new Random().nextInt(500_000));
    List<ArticleKey> keys = new ArrayList<>();
    long[] offsets = {0, 3600, 3600, 3600, 7200};
    for (int i = 0; i < offsets.length; i++) {
      keys.add(
          transfer.create(
              with(
                  article("Voisin " + i + " " + w, null, writer),
                  ArticleStatus.PUBLISHED,
                  base.plusSeconds(offsets[i]),
                  false)));
    }
    ArticleKey draft =
        transfer.create(
            with(
                article("Brouillon voisin " + w, null, writer),
                ArticleStatus.DRAFT,
                base.plusSeconds(3600),
                false));
    try {
      for (int i = 1; i < offsets.length - 1; i++) {
        ArticleView view = articles.findReadable(keys.get(i).slug()).orElseThrow();
        assertEquals(keys.get(i - 1).id(), view.previous().id(), "previous of " + i);
        assertEquals(keys.get(i + 1).id(), view.next().id(), "next of " + i);
      }
    } finally {
      for (ArticleKey key : keys) {
        articles.delete(key.id());
      }
      articles.delete(draft.id());
    }
  }

  @Test
  void aStickyPublishedArticleComesFirstOnTheHomePageAtNoExtraCostPerPage() throws Exception {
    long writer = author();
    String w = word();
    Instant now = Instant.now();
    ArticleKey sticky =
        transfer.create(
            with(
                article("À la une " + w, null, writer),
                ArticleStatus.PUBLISHED,
                now.minusSeconds(7200),
                true));
    ArticleKey stickyDraft =
        transfer.create(
            with(article("Brouillon épinglé " + w, null, writer), ArticleStatus.DRAFT, null, true));
    List<Long> newer = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      newer.add(
          transfer
              .create(
                  with(
                      article("Récent " + i + " " + w, null, writer),
                      ArticleStatus.PUBLISHED,
                      now.minusSeconds(60 - i),
                      false))
              .id());
    }
    try {
      List<ArticleSummary> page = articles.latest(1, 12).items();
      List<Long> first = page.stream().map(ArticleSummary::id).toList();
      assertEquals(12, first.size());
      // Other tests may leave sticky articles too: the sticky ones lead, then the others.
      List<Boolean> flags = transfer.export(first).stream().map(ExportedArticle::sticky).toList();
      int leading = flags.indexOf(false);
      assertTrue(leading > 0 && !flags.subList(leading, 12).contains(true), flags::toString);
      assertTrue(first.subList(0, leading).contains(sticky.id()), "sticky first, though older");
      ArticleSummary mine = page.get(first.indexOf(sticky.id()));
      assertEquals(List.of(writer), mine.authors().stream().map(a -> a.id()).toList());
      for (List<ArticleSummary> part :
          List.of(page.subList(0, leading), page.subList(leading, 12))) {
        List<Instant> dates = part.stream().map(ArticleSummary::publishedAt).toList();
        assertEquals(
            dates.stream().sorted(Comparator.reverseOrder()).toList(), dates, "newest first");
      }
      // Other test classes sharing the database may have published articles newer still.
      Instant newest = now.minusSeconds(60 - 12);
      assertTrue(
          first.contains(newer.get(12))
              || page.subList(leading, 12).stream()
                  .allMatch(a -> !a.publishedAt().isBefore(newest)),
          "the newest is on the first page, unless newer articles fill it");
      assertFalse(first.contains(stickyDraft.id()));
      long total = articles.latest(1, 12).total();
      List<Long> all = new ArrayList<>();
      for (int n = 1; n <= (total + 11) / 12; n++) {
        articles.latest(n, 12).items().forEach(a -> all.add(a.id()));
      }
      assertEquals(total, all.size(), "every listed article once");
      assertEquals(all.size(), all.stream().distinct().count());

      // The first page alone asks for the articles « À la une »: one statement, whatever it lists.
      List<String> home =
          statements("/").stream().filter(sql -> !sql.contains("articles_featured")).toList();
      assertFalse(home.isEmpty(), "no statement recorded: is the trace listener installed?");
      List<String> second = statements("/?page=2");
      assertEquals(
          home.size(), second.size(), () -> "/ runs " + home + "\n/?page=2 runs " + second);
    } finally {
      // Leave the home page to the other tests as it was.
      editorial.trash(sticky.id());
    }
    assertFalse(articles.latest(1, 12).items().stream().anyMatch(a -> a.id() == sticky.id()));
  }

  /**
   * The statements of a page, warm (its second visit), as PersistenceIT's list pages' tests count
   * them.
   */
  private List<String> statements(String path) throws Exception {
    fetch(path);
    return fetch(path);
  }

  private List<String> fetch(String path) throws Exception {
    return CountedRequests.statements(request, path);
  }

  @Test
  void anExportGivesEverythingBackInTheOrderAsked() {
    String w = word();
    long first = transfer.importAuthor(new ImportedAuthor("a" + w, null, "Anne " + w, null));
    long second = transfer.importAuthor(new ImportedAuthor("b" + w, null, "Bruno " + w, null));
    long section =
        transfer.importSection(new ImportedSection("rubrique-" + w, "Rubrique", null, null));
    long tagA = transfer.importTag("zeta-" + w, "Zêta", null);
    long tagB = transfer.importTag("alpha-" + w, "Alpha", null);
    String title = "Ἀθῆναι : l'œuvre « élégante » de l'été " + w;
    ImportedArticle source =
        new ImportedArticle(
            title,
            "oeuvre-" + w,
            "Chapeau grec : Καλημέρα, et français : ça, déjà.",
            BodyFormat.HTML,
            "<p>Καλημέρα κόσμε — ça va ?</p>",
            ArticleStatus.ARCHIVED,
            at("2015-05-05T05:05:05.555555Z"),
            at("2015-05-06T06:00:00Z"),
            at("2015-05-07T07:00:00Z"),
            section,
            List.of(second, first, second),
            List.of(tagA, tagB),
            "https://example.org/photo.jpg",
            null,
            false,
            true,
            IMPORTER);
    ArticleKey key = transfer.create(source);
    ArticleEdit edit = editorial.forEditing(key.id()).orElseThrow();
    editorial.save(key.id(), edit.version(), edit.draft().withSlug("renomme-" + w), "Alice");
    edit = editorial.forEditing(key.id()).orElseThrow();
    editorial.save(key.id(), edit.version(), edit.draft().withSlug("final-" + w), "Bob");

    // Created later than the first but older in the source: comes first in the ids.
    ArticleKey older =
        transfer.create(
            withDates(
                article("Plus ancien " + w, null, first),
                at("2001-01-01T00:00:00Z"),
                at("2001-01-02T00:00:00Z")));

    List<ExportedArticle> out = transfer.export(List.of(key.id(), -1L, older.id(), key.id()));
    assertEquals(List.of(key.id(), older.id()), out.stream().map(ExportedArticle::id).toList());
    ExportedArticle a = out.get(0);
    assertEquals("final-" + w, a.slug());
    assertEquals(title, a.title());
    assertEquals("Chapeau grec : Καλημέρα, et français : ça, déjà.", a.standfirst());
    assertEquals("<p>Καλημέρα κόσμε — ça va ?</p>", a.body());
    assertEquals("<p>Καλημέρα κόσμε — ça va ?</p>", a.bodyHtml());
    assertEquals(ArticleStatus.ARCHIVED, a.status());
    assertEquals(section, a.sectionId());
    assertEquals(List.of(second, first), a.authorIds(), "byline order, each once");
    assertEquals(
        List.of(tagA, tagB).stream().sorted().toList(), a.tagIds().stream().sorted().toList());
    assertEquals("https://example.org/photo.jpg", a.leadImageUrl());
    assertEquals(title, a.leadImageAlt(), "the title when the source has no alternative");
    assertFalse(a.commentsOpen());
    assertTrue(a.sticky());
    assertEquals(at("2015-05-05T05:05:05.555555Z"), a.createdAt());
    assertEquals(at("2015-05-06T06:00:00Z"), a.publishedAt());
    assertEquals(key.revision() + 2, a.revision());
    assertEquals(List.of("oeuvre-" + w, "renomme-" + w), a.formerSlugs(), "oldest first");
    assertEquals(3, a.revisions().size());
    assertEquals(List.of(1, 2, 3), a.revisions().stream().map(r -> r.info().number()).toList());
    assertEquals(
        List.of(IMPORTER, "Alice", "Bob"),
        a.revisions().stream().map(r -> r.info().savedBy()).toList());
    assertEquals(at("2015-05-07T07:00:00Z"), a.revisions().get(0).info().savedAt());
    ArticleDraft original = a.revisions().get(0).draft();
    assertEquals("oeuvre-" + w, original.slug());
    assertEquals(title, original.title());
    assertEquals("<p>Καλημέρα κόσμε — ça va ?</p>", original.body());
    assertEquals(BodyFormat.HTML, original.bodyFormat());
    assertEquals(List.of(second, first), original.authorIds());
    assertEquals(section, original.sectionId());
    assertEquals("renomme-" + w, a.revisions().get(1).draft().slug());

    List<Long> ids = transfer.articleIds();
    assertEquals(articles.count(), ids.size(), "every article, whatever its status");
    assertTrue(ids.indexOf(older.id()) < ids.indexOf(key.id()), "oldest first");
    List<Instant> created =
        transfer
            .export(ids.subList(0, Math.min(ids.size(), ArticleTransferService.MAX_EXPORT_BATCH)))
            .stream()
            .map(ExportedArticle::createdAt)
            .toList();
    assertEquals(created.stream().sorted().toList(), created);

    List<Long> tooMany = LongStream.range(0, 201).boxed().toList();
    assertThrows(ConstraintViolationException.class, () -> transfer.export(tooMany));
    assertEquals(List.of(), transfer.export(List.of()));
  }

  // ===============================================================================================
  // Comments (formerly CommentTransferIT)
  //
  // Comments imported from another platform and exported whole: kept as the source had them
  // (status, date, thread however deep, staff flag), their HTML brought down to what a reader types
  // and rendered as readers' comments are, shown to the public as any comment of their status,
  // mailing nobody; an export gives everything back, parents first. Each test makes its own
  // articles and addresses. Their service is commentTransfer (transfer is the articles').
  // ===============================================================================================

  // --- Helpers -----------------------------------------------------------------------------------

  private long article() {
    long author = authors.create("Claire Dumont " + UUID.randomUUID(), "");
    long id =
        articles.create(
            new ArticleDraft(
                "Archives " + UUID.randomUUID(),
                null,
                "",
                BodyFormat.MARKDOWN,
                "Texte.",
                List.of(author),
                null,
                List.of(),
                null,
                null,
                true));
    articles.publish(id, Instant.parse("2009-02-01T08:00:00Z"));
    return id;
  }

  private static ImportedComment imported(
      long article, Long parent, String body, CommentStatus status, Instant at) {
    return new ImportedComment(
        article,
        parent,
        "Lecteur WordPress",
        "Lecteur-" + UUID.randomUUID() + "@Example.ORG",
        "http://lecteur.example/blog",
        body,
        status,
        at,
        "198.51.100.7",
        "Mozilla/4.0 (compatible; MSIE 7.0)",
        false);
  }

  private long create(long article, Long parent, String body, CommentStatus status, Instant at) {
    return commentTransfer.create(imported(article, parent, body, status, at));
  }

  private static Instant day(int day) {
    return Instant.parse("2009-03-01T10:15:30.123456Z").plus(Duration.ofDays(day));
  }

  private static Submission from(String address) {
    return new Submission(address, "Mozilla/5.0 (test)", HUMAN, false);
  }

  private static String email() {
    return "lecteur-" + UUID.randomUUID() + "@example.org";
  }

  private ModeratedComment seen(long id) {
    return moderation.find(id).orElseThrow();
  }

  private Discussion publicDiscussion(long article) {
    return comments.discussion(article, CommentSort.OLDEST, 1, OwnComments.NONE);
  }

  /** Every comment the public discussion shows, by id, with its depth in the trees. */
  private static Map<Long, Integer> shown(Discussion discussion) {
    Map<Long, Integer> shown = new HashMap<>();
    for (CommentNode thread : discussion.threads()) {
      walk(thread, 0, shown);
    }
    return shown;
  }

  private static void walk(CommentNode node, int depth, Map<Long, Integer> shown) {
    if (!node.removed()) {
      shown.put(node.id(), depth);
    }
    for (CommentNode reply : node.replies()) {
      walk(reply, depth + 1, shown);
    }
  }

  private long number(String sql, long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), sql);
        return row.getLong(1);
      }
    }
  }

  // --- Writing -----------------------------------------------------------------------------------

  @Test
  void everyStatusDateAndFieldIsKeptAsTheSourceHadIt() {
    long article = article();
    Map<CommentStatus, Long> ids = new HashMap<>();
    int day = 0;
    for (CommentStatus status : CommentStatus.values()) {
      ids.put(status, create(article, null, "Commentaire " + status, status, day(day++)));
    }
    day = 0;
    for (CommentStatus status : CommentStatus.values()) {
      ModeratedComment comment = seen(ids.get(status));
      assertEquals(status, comment.status());
      assertEquals(day(day++), comment.createdAt(), "kept to the microsecond");
      assertEquals("Commentaire " + status, comment.body());
      assertEquals("<p>Commentaire " + status + "</p>", comment.bodyHtml());
      assertEquals("Lecteur WordPress", comment.authorName());
      assertTrue(comment.authorEmail().endsWith("@example.org"), "lower case");
      assertEquals(comment.authorEmail().toLowerCase(), comment.authorEmail());
      assertEquals("http://lecteur.example/blog", comment.authorUrl());
      assertEquals("Mozilla/4.0 (compatible; MSIE 7.0)", comment.userAgent());
      assertNull(comment.editedAt());
      assertFalse(comment.staff());
    }
    Instant nanos = Instant.parse("2010-01-01T00:00:00.123456789Z");
    long truncated = create(article, null, "Nanosecondes", CommentStatus.APPROVED, nanos);
    assertEquals(Instant.parse("2010-01-01T00:00:00.123456Z"), seen(truncated).createdAt());
  }

  @Test
  void theStaffFlagAWebsiteOnlyIfHttpAndNoAddressAreKept() {
    long article = article();
    long staff =
        commentTransfer.create(
            new ImportedComment(
                article,
                null,
                "La rédaction",
                null,
                "javascript:alert(1)",
                "Merci à tous.",
                CommentStatus.APPROVED,
                day(1),
                null,
                null,
                true));
    ModeratedComment seen = seen(staff);
    assertTrue(seen.staff());
    assertNull(seen.authorUrl(), "only http(s) addresses");
    assertNull(seen.authorEmail());
    assertNull(seen.addressHash());
    assertNull(seen.userAgent());
    assertTrue(
        publicDiscussion(article).threads().get(0).comment().staff(), "readers see the badge");
  }

  @Test
  void anAddressIsHashedAsAVisitorsIsAndNeverStored() throws SQLException {
    long article = article();
    String address = "203.0.113." + (int) (Math.random() * 250);
    long imported =
        commentTransfer.create(
            new ImportedComment(
                article,
                null,
                "Ancien",
                email(),
                null,
                "Importé",
                CommentStatus.APPROVED,
                day(0),
                address,
                null,
                false));
    PostResult visitor =
        comments.post(
            new NewComment(article, null, "Nouveau", email(), null, "Écrit ici", false),
            from(address));

    String hash = seen(imported).addressHash();
    assertEquals(64, hash.length());
    assertEquals(seen(visitor.commentId()).addressHash(), hash, "the same salt and hash");
    assertFalse(hash.contains(address));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM comments_comment WHERE article_id = ? AND (ip_hash = ?"
                    + " OR user_agent = ? OR author_name = ? OR body = ?)")) {
      select.setLong(1, article);
      for (int i = 2; i <= 5; i++) {
        select.setString(i, address);
      }
      try (ResultSet row = select.executeQuery()) {
        row.next();
        assertEquals(0, row.getLong(1));
      }
    }
  }

  @Test
  void aThreadOfTenLevelsIsKeptAsItWasAndShown() throws Exception {
    long article = article();
    List<Long> chain = new ArrayList<>();
    for (int depth = 0; depth < 10; depth++) {
      chain.add(
          create(
              article,
              depth == 0 ? null : chain.get(depth - 1),
              "<p>Niveau " + depth + "</p>",
              CommentStatus.APPROVED,
              day(depth)));
    }
    Map<Long, ExportedComment> exported = new HashMap<>();
    commentTransfer.export(article).forEach(c -> exported.put(c.id(), c));
    for (int depth = 0; depth < 10; depth++) {
      long id = chain.get(depth);
      assertEquals(depth, exported.get(id).depth());
      assertEquals(depth == 0 ? null : chain.get(depth - 1), exported.get(id).parentId());
      assertEquals(chain.get(0), number("SELECT root_id FROM comments_comment WHERE id = ?", id));
    }

    Discussion discussion = publicDiscussion(article);
    assertEquals(10, discussion.approvedCount());
    assertEquals(1, discussion.threadCount());
    Map<Long, Integer> shown = shown(discussion);
    for (int depth = 0; depth < 10; depth++) {
      assertEquals(depth, shown.get(chain.get(depth)), "nested as imported");
    }

    // A reader answering the deepest one hangs under the configured depth (5), as always.
    PostResult answer =
        comments.post(
            new NewComment(article, chain.get(9), "Léa", email(), null, "Et moi ?", false),
            from("ip-" + UUID.randomUUID()));
    assertEquals(chain.get(4), seen(answer.commentId()).parentId());

    // The article's page shows the ten levels.
    String slug = articles.find(article).orElseThrow().slug();
    HttpResponse<String> page =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + request.getLocalPort()
                                + request.getContextPath()
                                + "/articles/"
                                + slug))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    String html = page.body();
    for (int depth = 0; depth < 10; depth++) {
      assertTrue(
          html.contains(
              "<li id=\"comment-" + chain.get(depth) + "\" class=\"comment depth-" + depth + "\">"),
          "comment at depth " + depth);
      assertTrue(html.contains("<p>Niveau " + depth + "</p>"));
    }
  }

  @Test
  void aParentOfAnotherArticleOrUnknownIsRefused() {
    long article = article();
    long other = article();
    long elsewhere = create(other, null, "Ailleurs", CommentStatus.APPROVED, day(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> create(article, elsewhere, "Réponse", CommentStatus.APPROVED, day(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> create(article, Long.MAX_VALUE, "Réponse", CommentStatus.APPROVED, day(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> create(article, null, "<script>alert(1)</script>", CommentStatus.APPROVED, day(1)),
        "nothing left of the text");
    assertThrows(
        ConstraintViolationException.class,
        () -> create(article, null, "  ", CommentStatus.APPROVED, day(1)));
    assertEquals(0, comments.countAll(article));
  }

  @Test
  void aRefusedCommentLeavesTheImportersTransactionToCommit() throws Exception {
    long article;
    List<Long> written = new ArrayList<>();
    transaction.begin();
    try {
      article = article();
      long first = create(article, null, "Premier", CommentStatus.APPROVED, day(0));
      written.add(first);
      assertThrows(
          IllegalArgumentException.class,
          () -> create(article, Long.MAX_VALUE, "Orphelin", CommentStatus.APPROVED, day(1)));
      assertThrows(
          IllegalArgumentException.class,
          () -> create(article, first, "<p> </p>", CommentStatus.APPROVED, day(1)));
      assertThrows(
          ConstraintViolationException.class,
          () -> create(article, first, "", CommentStatus.APPROVED, day(1)));
      written.add(create(article, first, "Réponse", CommentStatus.APPROVED, day(2)));
      transaction.commit();
    } catch (Exception | AssertionError e) {
      if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
      throw e;
    }
    assertTrue(articles.find(article).isPresent());
    assertEquals(
        written, commentTransfer.export(article).stream().map(ExportedComment::id).toList());
  }

  // --- Reading -----------------------------------------------------------------------------------

  @Test
  void thePublicSeesApprovedImportedCommentsOnlyWithTheirCounts() {
    long article = article();
    long approved = create(article, null, "Approuvé", CommentStatus.APPROVED, day(0));
    long pendingReply = create(article, approved, "En attente", CommentStatus.PENDING, day(1));
    long approvedReply = create(article, approved, "Réponse", CommentStatus.APPROVED, day(2));
    long spam = create(article, null, "Indésirable", CommentStatus.SPAM, day(3));
    long trash = create(article, null, "Supprimé", CommentStatus.TRASH, day(4));
    long second = create(article, null, "Deuxième fil", CommentStatus.APPROVED, day(5));

    Discussion discussion = publicDiscussion(article);
    assertEquals(3, discussion.approvedCount());
    assertEquals(2, discussion.threadCount());
    assertEquals(Map.of(approved, 0, approvedReply, 1, second, 0), shown(discussion));
    assertEquals(
        List.of(approvedReply),
        discussion.threads().get(0).replies().stream().map(CommentNode::id).toList(),
        "the pending reply is no placeholder either");
    assertEquals(Map.of(article, 3L), comments.countApproved(List.of(article)));
    assertEquals(6, comments.countAll(article));
    assertEquals(
        List.of(second, approvedReply, approved),
        comments.latest(article, 10).stream().map(c -> c.id()).toList());
    assertEquals(CommentStatus.PENDING, seen(pendingReply).status());
    assertNotEquals(CommentStatus.APPROVED, seen(spam).status());
    assertNotEquals(CommentStatus.APPROVED, seen(trash).status());
  }

  @Test
  void htmlBodiesAreBroughtDownToTextAndRenderedAsReadersAre() {
    long article = article();
    String source =
        "<p onclick=\"alert(1)\">&laquo;&#160;Bien vu&#160;&raquo;, l&#8217;auteur"
            + " &amp;lt;b&amp;gt;<script>alert('x')</script></p>\n"
            + "<blockquote>Citation<br>sur deux lignes</blockquote>"
            + "<p>Voir <a href=\"https://fr.wikipedia.org/wiki/Tribune\" onmouseover=\"x()\">"
            + "Wikipédia</a> et <a href=\"javascript:alert(2)\">ceci</a>.</p>"
            + "<iframe src=\"https://evil.example/\"></iframe>";
    long id = create(article, null, source, CommentStatus.APPROVED, day(0));
    ModeratedComment comment = seen(id);
    assertEquals(
        "«\u00A0Bien vu\u00A0», l’auteur &lt;b&gt;\n\n"
            + "> Citation\n> sur deux lignes\n\n"
            + "Voir Wikipédia (https://fr.wikipedia.org/wiki/Tribune) et ceci.",
        comment.body());
    assertEquals(
        "<p>«\u00A0Bien vu\u00A0», l’auteur &amp;lt;b&amp;gt;</p>"
            + "<blockquote><p>Citation<br>sur deux lignes</p></blockquote>"
            + "<p>Voir Wikipédia (<a href=\"https://fr.wikipedia.org/wiki/Tribune\""
            + " rel=\"nofollow ugc noopener\">https://fr.wikipedia.org/wiki/Tribune</a>) et ceci.</p>",
        comment.bodyHtml());
    assertEquals(1, comment.linkCount());

    String plain = "Première ligne\nseconde ligne\n\nNouveau paragraphe";
    assertEquals(
        "<p>Première ligne<br>seconde ligne</p><p>Nouveau paragraphe</p>",
        seen(create(article, null, plain, CommentStatus.APPROVED, day(1))).bodyHtml(),
        "WordPress's bare newlines");
  }

  // --- Mail --------------------------------------------------------------------------------------

  @Test
  void importingMailsNobodyNotEvenWhenAnImportedReplyIsApprovedLater() throws Exception {
    smtp();
    long article = article();
    String subscriber = email();
    long subscribed = subscribedComment(article, subscriber);
    String marker = UUID.randomUUID().toString();
    long approvedReply =
        create(article, subscribed, "Réponse " + marker, CommentStatus.APPROVED, day(0));
    long heldReply = create(article, subscribed, "Tenue " + marker, CommentStatus.PENDING, day(1));
    long spamReply = create(article, approvedReply, "Spam " + marker, CommentStatus.SPAM, day(2));
    moderation.moderate(List.of(heldReply, spamReply), CommentStatus.APPROVED);
    comments.moderate(approvedReply, CommentStatus.PENDING);
    comments.moderate(approvedReply, CommentStatus.APPROVED);

    // The staff mail of a held comment posted last is a sign the earlier mails went out.
    String last = UUID.randomUUID().toString();
    comments.post(
        new NewComment(article, null, "Léa", email(), null, "Fin " + last, false),
        from("ip-" + UUID.randomUUID()));
    awaitMail("moderation@tribune.test", last);
    Thread.sleep(2_000);
    for (MimeMessage message : smtp().getReceivedMessages()) {
      assertFalse(contains(message, marker), "an import mails nobody: " + message.getSubject());
    }
    assertTrue(mailsTo(subscriber).stream().noneMatch(m -> contains(m, marker)));
  }

  /** A reader's approved comment whose author subscribed (confirmed) to its replies. */
  private long subscribedComment(long article, String subscriber) throws SQLException {
    long first =
        comments
            .post(
                new NewComment(article, null, "Léa", subscriber, null, "Bonjour", false),
                from("ip-" + UUID.randomUUID()))
            .commentId();
    comments.moderate(first, CommentStatus.APPROVED);
    long comment =
        comments
            .post(
                new NewComment(article, null, "Léa", subscriber, null, "Prévenez-moi", true),
                from("ip-" + UUID.randomUUID()))
            .commentId();
    assertEquals(CommentStatus.APPROVED, seen(comment).status());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT token FROM comments_subscription WHERE comment_id = ?")) {
      select.setLong(1, comment);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertTrue(comments.confirmSubscription(row.getString(1)));
      }
    }
    return comment;
  }

  // --- Export ------------------------------------------------------------------------------------

  @Test
  void anExportHasEveryCommentWithTombstonesParentsBeforeReplies() {
    long article = article();
    long first = create(article, null, "Premier", CommentStatus.APPROVED, day(5));
    // A reply dated before its parent (another platform's clock): still after it.
    long early = create(article, first, "Réponse datée avant", CommentStatus.APPROVED, day(1));
    long second = create(article, null, "Deuxième", CommentStatus.PENDING, day(2));
    long spam = create(article, second, "Spam", CommentStatus.SPAM, day(3));
    long erased = create(article, null, "Effacé", CommentStatus.APPROVED, day(4));
    long underErased = create(article, erased, "Sous l'effacé", CommentStatus.APPROVED, day(6));
    long trash = create(article, first, "Corbeille", CommentStatus.TRASH, day(7));
    moderation.deleteForGood(List.of(erased));
    create(article(), null, "Autre article", CommentStatus.APPROVED, day(0));

    List<ExportedComment> export = commentTransfer.export(article);
    assertEquals(
        Set.of(first, early, second, spam, erased, underErased, trash),
        Set.copyOf(export.stream().map(ExportedComment::id).toList()));
    assertEquals(7, export.size());
    Set<Long> before = new HashSet<>();
    for (ExportedComment comment : export) {
      assertTrue(
          comment.parentId() == null || before.contains(comment.parentId()),
          comment.id() + " after its parent");
      before.add(comment.id());
      assertEquals(article, comment.articleId());
    }
    assertEquals(
        List.of(second, spam, erased, first, early, underErased, trash),
        export.stream().map(ExportedComment::id).toList(),
        "oldest first otherwise");

    ExportedComment tombstone =
        export.stream().filter(c -> c.id() == erased).findFirst().orElseThrow();
    assertEquals(CommentStatus.TRASH, tombstone.status());
    assertEquals("", tombstone.authorName());
    assertEquals("", tombstone.body());
    assertNull(tombstone.email());
    ExportedComment reply = export.stream().filter(c -> c.id() == early).findFirst().orElseThrow();
    assertEquals(first, reply.parentId());
    assertEquals(1, reply.depth());
    assertEquals("Réponse datée avant", reply.body());
    assertEquals("<p>Réponse datée avant</p>", reply.bodyHtml());
    assertEquals(day(1), reply.createdAt());
    assertEquals("http://lecteur.example/blog", reply.website());
    assertEquals(CommentStatus.SPAM, export.get(1).status());
    assertEquals(List.of(), commentTransfer.export(Long.MAX_VALUE));
  }

  // --- Mail helpers ------------------------------------------------------------------------------

  private static boolean contains(MimeMessage message, String marker) {
    try {
      return (message.getSubject() + "\n" + message.getContent()).contains(marker);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The SMTP server of the container, started by the first test that needs it and left running
   * until the container stops; tests look only at mails to addresses of their own.
   */
  private static GreenMail smtp;

  private static synchronized GreenMail smtp() {
    if (smtp == null) {
      int port = ConfigProvider.getConfig().getValue("tribune.mail.port", Integer.class);
      smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
    return smtp;
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : smtp().getReceivedMessages()) {
      for (jakarta.mail.Address to : message.getAllRecipients()) {
        if (to.toString().equalsIgnoreCase(address)) {
          found.add(message);
        }
      }
    }
    return found;
  }

  private static void awaitMail(String address, String marker) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : mailsTo(address)) {
        if (contains(message, marker)) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + address + " containing " + marker);
  }

  // ===============================================================================================
  // Restore from the JSON export (issue 24)
  //
  // A site restored from its own export and media archive exports the same document, field by
  // field (apart from the export's date and the restore's own audit entry); ids are kept and the
  // sequences continue after them; a restore is refused into a site that holds content unless
  // asked to replace it, and one that fails half way (a cut document, a missing image) changes
  // nothing.
  // ===============================================================================================

  private byte[] exportJson() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    exporter.write(out);
    return out.toByteArray();
  }

  private java.nio.file.Path mediaArchiveFile() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("tribune-media-", ".zip");
    try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
      mediaArchive.write(out);
    }
    return file;
  }

  private ImportReport restoreFrom(byte[] document, java.nio.file.Path media, boolean replace)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("tribune-export-", ".json");
    try {
      java.nio.file.Files.write(file, document);
      ImportReport report = restore.report();
      ImportJobs.Job job =
          restore.begin(report, "redaction@tribune.test", document.length).orElseThrow();
      restore.run(job, file, media, replace, null);
      return report;
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  private static JsonObject parse(byte[] document) {
    try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(document))) {
      return reader.readObject();
    }
  }

  /**
   * The two exports hold the same site: every member the same but the date, and the audit log of
   * the second the first's followed by {@code extraAudit} entries of these actions.
   */
  private static void assertSameSite(byte[] before, byte[] after, String... extraAudit) {
    JsonObject b = parse(before);
    JsonObject a = parse(after);
    JsonArray auditBefore = b.getJsonArray("audit");
    JsonArray auditAfter = a.getJsonArray("audit");
    assertEquals(
        auditBefore.size() + extraAudit.length, auditAfter.size(), () -> "audit " + auditAfter);
    for (int i = 0; i < extraAudit.length; i++) {
      assertEquals(
          extraAudit[i],
          auditAfter.getJsonObject(auditBefore.size() + i).getString("action"),
          "audit entry " + i + " after the first document's");
    }
    JsonArrayBuilder kept = Json.createArrayBuilder();
    auditAfter.subList(0, auditBefore.size()).forEach(kept::add);
    JsonObject left = Json.createObjectBuilder(b).remove("exportedAt").build();
    JsonObject right = Json.createObjectBuilder(a).remove("exportedAt").add("audit", kept).build();
    List<String> differences = JsonDiff.differences(left, right);
    assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
  }

  @Test
  void aSiteRestoredFromItsExportExportsTheSameDocumentAndKeepsItsIds() throws Exception {
    WholeSite.Made made = wholeSite.build();
    byte[] before = exportJson();
    java.nio.file.Path media = mediaArchiveFile();
    try {
      ImportReport refused = restoreFrom(before, media, false);
      assertEquals(ImportReport.State.FAILED, refused.state());
      assertEquals("not-empty", refused.errorCode());
      assertSameSite(before, exportJson(), "SITE_RESTORED");

      ImportReport report = restoreFrom(before, media, true);
      assertEquals(ImportReport.State.COMPLETED, report.state(), report::errorText);
      byte[] after = exportJson();
      // The refused restore's entry went with the audit log it was in: replaced by the document's.
      assertSameSite(before, after, "SITE_RESTORED");
      JsonObject document = parse(before);
      assertEquals(
          document.getJsonArray("articles").size(),
          report.counts("articles").imported() + report.counts("pages").imported());
      assertEquals(document.getJsonArray("media").size(), report.counts("media").imported());
      // The site's own and those of the tests that ran before on the same database.
      assertTrue(document.getJsonArray("reports").size() >= 2);
      assertTrue(document.getJsonArray("decisions").size() >= 1);
      assertEquals(document.getJsonArray("reports").size(), report.counts("reports").imported());

      // What the services show is the restored site, not copies kept from before.
      ArticleSummary article = articles.find(made.articleId()).orElseThrow();
      assertEquals("fete-lumieres-" + made.word(), article.slug());
      assertEquals(
          Optional.of("fete-lumieres-" + made.word()),
          articles.currentSlug("lumieres-place-" + made.word()));
      String rendition = mediaService.find(made.mediaId()).orElseThrow().largest().path();
      assertTrue(
          mediaService.open(rendition.substring(rendition.lastIndexOf('/') + 1)).isPresent(),
          () -> "a restored image's rendition is served: " + rendition);

      // New things get ids after the restored ones.
      long maxArticle =
          document.getJsonArray("articles").getValuesAs(JsonObject.class).stream()
              .mapToLong(o -> o.getJsonNumber("id").longValue())
              .max()
              .orElseThrow();
      long newArticle =
          articles.create(ArticleDraft.markdown("Après la restauration", "", "Texte.", author()));
      assertTrue(newArticle > maxArticle, newArticle + " after " + maxArticle);
      long maxComment =
          document.getJsonArray("articles").getValuesAs(JsonObject.class).stream()
              .flatMap(o -> o.getJsonArray("comments").getValuesAs(JsonObject.class).stream())
              .mapToLong(o -> o.getJsonNumber("id").longValue())
              .max()
              .orElseThrow();
      PostResult posted =
          comments.post(
              new NewComment(
                  made.articleId(),
                  made.commentId(),
                  "Yves",
                  "yves@lecteurs.test",
                  null,
                  "Et après\u00a0?",
                  false),
              new Submission("10.9.9.9", "Mozilla/5.0 (test)", HUMAN, false));
      assertTrue(posted.commentId() > maxComment, posted.commentId() + " after " + maxComment);
    } finally {
      java.nio.file.Files.deleteIfExists(media);
    }
  }

  @Test
  void aRestoreThatFailsHalfWayChangesNothing() throws Exception {
    wholeSite.build();
    byte[] before = exportJson();
    java.nio.file.Path media = mediaArchiveFile();
    try {
      byte[] cut = java.util.Arrays.copyOf(before, before.length * 2 / 3);
      ImportReport truncated = restoreFrom(cut, media, true);
      assertEquals(ImportReport.State.FAILED, truncated.state());
      assertEquals("json-malformed", truncated.errorCode(), truncated::errorText);
      assertSameSite(before, exportJson(), "SITE_RESTORED");

      ImportReport noImages = restoreFrom(before, null, true);
      assertEquals(ImportReport.State.FAILED, noImages.state());
      assertEquals("media-missing", noImages.errorCode(), noImages::errorText);
      assertSameSite(before, exportJson(), "SITE_RESTORED", "SITE_RESTORED");

      ImportReport foreign =
          restoreFrom(
              "{\"format\": \"wordpress\", \"version\": 2}"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8),
              media,
              true);
      assertEquals("not-tribune", foreign.errorCode(), foreign::errorText);
      assertSameSite(before, exportJson(), "SITE_RESTORED", "SITE_RESTORED", "SITE_RESTORED");
    } finally {
      java.nio.file.Files.deleteIfExists(media);
    }
  }
}
