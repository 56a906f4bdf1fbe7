package org.tribune.web.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.ImportedComment;
import org.tribune.web.transfer.ImportLinks.Kind;
import org.tribune.web.transfer.ImportLinks.Link;
import org.tribune.web.transfer.ImportReport.Outcome;

/**
 * Imports the comments of a Disqus XML export onto the articles already here. A thread is matched
 * to an article by its identifier ({@code "123 https://…/?p=123"}, as the WordPress plugin writes
 * it: the WordPress post imported with that id), else by its link (an article's permalink here, one
 * of its former slugs, or the old permalink of an imported post). Posts keep their parents, dates
 * and authors; deleted ones go to the bin and spam to spam. Comments are written in batches, each
 * thread's share of a batch in one transaction; a reply read before its parent waits for it until
 * the end of the file.
 */
@ApplicationScoped
public class DisqusImporter {
  private static final Logger LOG = Logger.getLogger(DisqusImporter.class.getName());
  static final int BATCH = 500;
  private static final Pattern LEADING_ID = Pattern.compile("^\\s*(\\d+)(?:\\s|$)");
  private static final Pattern P_QUERY = Pattern.compile("(?:^|&)(p|page_id)=(\\d+)(?:&|$)");
  private static final Pattern ARTICLE_PATH = Pattern.compile("^/articles/([^/]+)/?$");
  private static final String DSQ = "http://disqus.com/disqus-internals";

  @Inject private ImportWriter writer;
  @Inject private ImportLinks links;
  @Inject private ArticleService articles;

  private record Thread(String id, String identifier, String link, String title) {}

  private record Post(
      String id,
      String thread,
      String parent,
      String message,
      Instant createdAt,
      boolean deleted,
      boolean spam,
      Boolean approved,
      String name,
      String email,
      String address) {}

  public void run(InputStream in, String actor, ImportReport report) {
    try {
      XMLStreamReader xml;
      try {
        xml = SafeXml.open(in);
      } catch (XMLStreamException e) {
        throw WxrReader.malformed(e);
      }
      if (!"disqus".equals(xml.getLocalName())) {
        throw new ImportException("not-disqus", xml.getLocalName());
      }
      new Run(xml, report).read();
      report.complete();
    } catch (ImportException e) {
      report.fail(e.code(), e.detail());
    } catch (XMLStreamException e) {
      ImportException failure = WxrReader.malformed(e);
      report.fail(failure.code(), failure.detail());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Disqus import stopped", e);
      report.fail("internal", String.valueOf(e.getMessage()));
    }
  }

  private final class Run {
    private final XMLStreamReader xml;
    private final ImportReport report;
    private String source = "disqus";
    private final Map<String, Long> articleOfThread = new HashMap<>();
    private final Set<String> unmatched = new HashSet<>();
    private final List<Post> batch = new ArrayList<>();
    private final List<Post> waiting = new ArrayList<>();
    private final Set<String> written = new HashSet<>();

    Run(XMLStreamReader xml, ImportReport report) {
      this.xml = xml;
      this.report = report;
    }

    void read() throws XMLStreamException, ImportException {
      while (xml.hasNext()) {
        int event = xml.next();
        SafeXml.refuseEntity(xml);
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (xml.getLocalName()) {
          case "category" -> {
            Map<String, String> f = fields();
            forum(f.get("forum"));
          }
          case "thread" -> thread();
          case "post" -> {
            batch.add(post());
            if (batch.size() >= BATCH) {
              flush(false);
            }
          }
          default -> SafeXml.skip(xml);
        }
      }
      flush(false);
      flush(true);
    }

    private void forum(String forum) {
      if (forum != null && !forum.isBlank() && source.equals("disqus")) {
        source = Markup.cut("disqus " + forum.strip(), 300);
      }
    }

    private void thread() throws XMLStreamException, ImportException {
      String id = xml.getAttributeValue(DSQ, "id");
      Map<String, String> f = fields();
      forum(f.get("forum"));
      if (id == null || id.isBlank()) {
        report.skip("threads", null, "no-id", Markup.text(f.get("title")));
        return;
      }
      Thread thread = new Thread(id, f.get("id"), f.get("link"), f.get("title"));
      Optional<Long> article = match(thread);
      if (article.isEmpty()) {
        unmatched.add(id);
        report.skip("threads", id, "thread-unmatched", String.valueOf(thread.link()));
        return;
      }
      Optional<Link> earlier = links.find(source, Kind.THREAD, id);
      report.count(
          "threads",
          earlier.isPresent() && earlier.get().targetId() == article.get()
              ? Outcome.UNCHANGED
              : Outcome.IMPORTED);
      links.save(List.of(new Link(source, Kind.THREAD, id, article.get(), null, null, null, null)));
      articleOfThread.put(id, article.get());
    }

    private Optional<Long> match(Thread thread) {
      if (thread.identifier() != null) {
        Matcher m = LEADING_ID.matcher(thread.identifier());
        if (m.find()) {
          Optional<Link> post = links.findAnySource(Kind.POST, m.group(1));
          if (post.isEmpty()) {
            post = links.findAnySource(Kind.PAGE, m.group(1));
          }
          if (post.isPresent()) {
            return Optional.of(post.get().targetId());
          }
        }
      }
      if (thread.link() == null || thread.link().isBlank()) {
        return Optional.empty();
      }
      URI uri;
      try {
        uri = URI.create(thread.link().strip());
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (uri.getRawQuery() != null) {
        Matcher m = P_QUERY.matcher(uri.getRawQuery());
        if (m.find()) {
          Optional<Link> post =
              links.findAnySource(m.group(1).equals("p") ? Kind.POST : Kind.PAGE, m.group(2));
          if (post.isPresent()) {
            return Optional.of(post.get().targetId());
          }
        }
      }
      String rawPath = uri.getRawPath();
      if (rawPath == null || rawPath.isEmpty()) {
        return Optional.empty();
      }
      String path = LegacyAddresses.normalisePath(rawPath);
      Optional<Link> old = links.findByPath(path);
      if (old.isPresent()) {
        return Optional.of(old.get().targetId());
      }
      Matcher article = ARTICLE_PATH.matcher(path);
      if (article.matches()) {
        String slug = article.group(1);
        Optional<Long> id = articles.findReadableSummary(slug).map(ArticleSummary::id);
        if (id.isEmpty()) {
          id =
              articles
                  .currentSlug(slug)
                  .flatMap(articles::findReadableSummary)
                  .map(ArticleSummary::id);
        }
        return id;
      }
      return Optional.empty();
    }

    private Post post() throws XMLStreamException, ImportException {
      String id = xml.getAttributeValue(DSQ, "id");
      String thread = null;
      String parent = null;
      Map<String, String> f = new HashMap<>();
      Map<String, String> author = new HashMap<>();
      while (xml.hasNext()) {
        int event = xml.next();
        SafeXml.refuseEntity(xml);
        if (event == XMLStreamConstants.END_ELEMENT) {
          break;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (xml.getLocalName()) {
          case "thread" -> {
            thread = xml.getAttributeValue(DSQ, "id");
            SafeXml.skip(xml);
          }
          case "parent" -> {
            parent = xml.getAttributeValue(DSQ, "id");
            SafeXml.skip(xml);
          }
          case "author" -> author.putAll(fields());
          default -> f.put(xml.getLocalName(), SafeXml.text(xml));
        }
      }
      return new Post(
          id,
          thread,
          parent,
          f.get("message"),
          instant(f.get("createdAt")),
          "true".equalsIgnoreCase(strip(f.get("isDeleted"))),
          "true".equalsIgnoreCase(strip(f.get("isSpam"))),
          f.containsKey("isApproved") ? "true".equalsIgnoreCase(strip(f.get("isApproved"))) : null,
          author.get("name"),
          author.get("email"),
          f.get("ipAddress"));
    }

    /**
     * Writes the batch, thread by thread. Replies whose parent is neither written nor in the batch
     * wait; at the end ({@code last}) they are written at the top of their thread, with a warning.
     */
    private void flush(boolean last) {
      List<Post> posts = new ArrayList<>(batch);
      batch.clear();
      if (last) {
        posts.addAll(waiting);
        waiting.clear();
      }
      Map<String, ImportWriter.CommentPlan> plans = new LinkedHashMap<>();
      Map<String, String> threadOf = new HashMap<>();
      Set<String> inBatch = new HashSet<>();
      for (Post post : posts) {
        if (post.id() != null) {
          inBatch.add(post.id());
        }
      }
      Set<String> known =
          posts.stream()
              .map(Post::parent)
              .filter(p -> p != null && !inBatch.contains(p) && !written.contains(p))
              .collect(java.util.stream.Collectors.toSet());
      Set<String> parentsHere =
          known.isEmpty() ? Set.of() : links.find(source, Kind.COMMENT, known).keySet();
      for (Post post : posts) {
        if (post.id() == null || post.id().isBlank()) {
          report.skip("comments", null, "no-id", "");
          continue;
        }
        if (post.thread() == null || !articleOfThread.containsKey(post.thread())) {
          report.skip(
              "comments",
              post.id(),
              unmatched.contains(post.thread()) ? "thread-unmatched-post" : "thread-unknown",
              String.valueOf(post.thread()));
          continue;
        }
        if (!Markup.hasText(post.message())) {
          report.skip("comments", post.id(), "empty");
          continue;
        }
        String parent = post.parent() == null || post.parent().isBlank() ? null : post.parent();
        if (!last
            && parent != null
            && !inBatch.contains(parent)
            && !written.contains(parent)
            && !parentsHere.contains(parent)) {
          waiting.add(post);
          continue;
        }
        String name = Markup.authorName(post.name());
        if (name.isBlank()) {
          name = report.text("transfer.anonymous");
        }
        CommentStatus status =
            post.deleted()
                ? CommentStatus.TRASH
                : post.spam()
                    ? CommentStatus.SPAM
                    : Boolean.FALSE.equals(post.approved())
                        ? CommentStatus.PENDING
                        : CommentStatus.APPROVED;
        String address =
            post.address() == null || post.address().isBlank() ? null : post.address().strip();
        plans.put(
            post.id(),
            new ImportWriter.CommentPlan(
                post.id(),
                parent,
                new ImportedComment(
                    0,
                    null,
                    name,
                    Markup.email(post.email()),
                    null,
                    post.message(),
                    status,
                    post.createdAt() == null ? Instant.now() : post.createdAt(),
                    Markup.address(post.address()),
                    null,
                    false)));
        threadOf.put(post.id(), post.thread());
      }
      Map<String, Map<String, ImportWriter.CommentPlan>> byThread = new LinkedHashMap<>();
      plans.forEach(
          (id, plan) ->
              byThread.computeIfAbsent(threadOf.get(id), t -> new LinkedHashMap<>()).put(id, plan));
      byThread.forEach(
          (thread, threadPlans) -> {
            List<ImportWriter.CommentPlan> ordered = CommentOrder.parentsFirst(threadPlans);
            try {
              ImportWriter.Written w =
                  writer.writeComments(source, articleOfThread.get(thread), ordered);
              w.reportComments(report);
              written.addAll(threadPlans.keySet());
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Disqus import: thread " + thread + " not imported", e);
              for (String id : threadPlans.keySet()) {
                report.skip("comments", id, "error", String.valueOf(e.getMessage()));
              }
            }
          });
    }

    private Map<String, String> fields() throws XMLStreamException, ImportException {
      return SafeXml.fields(xml, x -> true);
    }
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text.strip());
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
