package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.ExportedBan;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.ExportedComment.Subscription;
import org.tribune.comments.api.ExportedComment.Vote;

/**
 * A restore read back through the module's own persistence unit, run by EclipseLink outside a
 * server (resource-local, on an in-memory H2 migrated by the module's scripts): what {@link
 * RestoreWriter} writes, {@link DefaultCommentTransferService} exports again unchanged, and the ids
 * the unit hands out after {@link CommentsPersistence#forgetCopies} are above the restored ones.
 */
class RestoreRoundTripTest {
  private static final Instant T0 = Instant.parse("2024-02-29T23:59:59.999999Z");
  private static final long ARTICLE = 9;

  private String url;
  private Connection connection;
  private EntityManagerFactory factory;
  private EntityManager em;

  @BeforeEach
  void openUnit() throws SQLException {
    url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure(RestoreRoundTripTest.class.getClassLoader())
        .dataSource(url, "", "")
        .locations("classpath:db/migration/comments")
        .table("comments_schema_history")
        .javaMigrations(new V3__RenderLegacyBodies())
        .load()
        .migrate();
    connection = DriverManager.getConnection(url);
    Map<String, Object> properties = new HashMap<>();
    properties.put("eclipselink.persistencexml", "META-INF/comments-persistence.xml");
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("jakarta.persistence.jtaDataSource", "");
    properties.put("jakarta.persistence.jdbc.url", url);
    properties.put("jakarta.persistence.jdbc.user", "");
    properties.put("jakarta.persistence.jdbc.password", "");
    properties.put("eclipselink.target-server", "None");
    factory = Persistence.createEntityManagerFactory(CommentsPersistence.UNIT, properties);
    em = factory.createEntityManager();
  }

  @AfterEach
  void close() throws SQLException {
    em.close();
    factory.close();
    try (Statement sql = connection.createStatement()) {
      sql.execute("SHUTDOWN");
    }
    connection.close();
  }

  private static <T> T with(T target, String field, Object value) {
    try {
      Field declared = target.getClass().getDeclaredField(field);
      declared.setAccessible(true);
      declared.set(target, value);
      return target;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private DefaultCommentTransferService transfers() {
    CommentRepository repository = with(new CommentRepository(), "em", em);
    return with(new DefaultCommentTransferService(), "repository", repository);
  }

  private static String hex(char c) {
    return String.valueOf(c).repeat(64);
  }

  private static ExportedComment comment(
      long id,
      Long parentId,
      int depth,
      Long answeredId,
      List<Vote> votes,
      List<Subscription> subscriptions) {
    return new ExportedComment(
        id,
        ARTICLE,
        parentId,
        depth,
        "Zoé " + id,
        "zoe" + id + "@example.org",
        id % 2 == 0 ? null : "https://zoe.example/",
        "Texte " + id,
        "<p>Texte " + id + "</p>",
        CommentStatus.APPROVED,
        T0.plusSeconds(id),
        id % 3 == 0 ? T0.plusSeconds(id + 60) : null,
        votes.size(),
        id == 4,
        answeredId,
        hex('a'),
        "Firefox",
        hex('b'),
        parentId != null,
        votes,
        subscriptions);
  }

  /** An article's discussion as its export gives it: parents first, then oldest first. */
  private static List<ExportedComment> discussion() {
    return List.of(
        comment(
            1,
            null,
            0,
            null,
            List.of(
                new Vote(10, hex('1'), hex('2'), 1, T0), new Vote(12, hex('3'), hex('4'), 1, T0)),
            List.of(new Subscription(20, "zoe1@example.org", "tok-20", true, T0))),
        comment(2, 1L, 1, null, List.of(), List.of()),
        new ExportedComment(
            3,
            ARTICLE,
            null,
            0,
            "",
            null,
            null,
            "",
            "",
            CommentStatus.TRASH,
            T0.plusSeconds(3),
            null,
            0,
            false,
            null,
            null,
            null,
            null,
            false,
            List.of(),
            List.of()),
        comment(4, 3L, 1, null, List.of(), List.of()),
        comment(
            5,
            2L,
            2,
            4L,
            List.of(new Vote(11, hex('5'), hex('6'), -1, T0)),
            List.of(new Subscription(21, "zoe5@example.org", "tok-21", false, T0))));
  }

  @Test
  void aRestoredDiscussionExportsAsItWasExported() throws SQLException {
    RestoreWriter writer = new RestoreWriter(connection);
    writer.writeSettings(Map.of("ip-salt", "sel", "max-depth", "3"));
    writer.writeComments(discussion().subList(0, 3));
    writer.writeComments(discussion().subList(3, 5));
    writer.writeBans(List.of(new ExportedBan(7, "EMAIL", "x@example.org", 5L, T0)));
    writer.continueSequences();

    DefaultCommentTransferService transfers = transfers();
    assertEquals(discussion(), transfers.export(ARTICLE));
    assertEquals(List.of(new ExportedBan(7, "EMAIL", "x@example.org", 5L, T0)), transfers.bans());
    assertEquals(Map.of("ip-salt", "sel", "max-depth", "3"), transfers.settings());
    assertEquals(List.of(), transfers.export(ARTICLE + 1));
  }

  @Test
  void afterForgettingItsCopiesTheUnitHandsOutIdsAboveTheRestoredOnes() throws SQLException {
    em.getTransaction().begin();
    Comment before =
        new Comment(
            new Comment.Draft(
                ARTICLE, "Léa", null, null, "Avant", "<p>Avant</p>", null, null, null),
            null,
            CommentStatus.APPROVED,
            T0);
    em.persist(before);
    em.getTransaction().commit();
    long firstBlock = before.getId();

    RestoreWriter writer = new RestoreWriter(connection);
    writer.clear();
    writer.writeComments(
        List.of(
            comment(firstBlock + 1, null, 0, null, List.of(), List.of()),
            comment(1_000, null, 0, null, List.of(), List.of())));
    writer.continueSequences();
    CommentsPersistence persistence = with(new CommentsPersistence(), "factory", factory);
    persistence.forgetCopies();

    em.getTransaction().begin();
    Comment after =
        new Comment(
            new Comment.Draft(
                ARTICLE, "Léa", null, null, "Après", "<p>Après</p>", null, null, null),
            null,
            CommentStatus.APPROVED,
            T0);
    em.persist(after);
    em.getTransaction().commit();
    assertTrue(after.getId() > 1_000, "id " + after.getId() + " after a restore up to 1000");
  }
}
