import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a WordPress eXtended RSS (WXR 1.2) file for the import benchmark: a French-language news
 * site with N posts and M comments. Single-file program, no build:
 *
 * <pre>
 *   java bench/import/GenerateWxr.java OUT.xml [ARTICLES=10000] [COMMENTS=200000] [SEED=42]
 * </pre>
 *
 * Deterministic for a seed (java.util.Random only). Streamed: one article's comment layout is in
 * memory at a time, plus one int per article (its number of comments) and the slugs used.
 *
 * <p>What the file holds: 6 authors; 36 categories, a third of them nested (up to 3 levels, some
 * children listed before their parents, as WordPress does); 240 tags. Posts: 96 % published, 3 %
 * drafts, 1 % scheduled; mostly block-editor bodies ({@code <!-- wp:paragraph -->}, headings,
 * lists, quotes, images), a fifth classic (bare-newline paragraphs); a category or two, 0-6 tags,
 * an excerpt for half. Comments: spread unevenly (15 % of posts have none, a log-normal tail, at
 * most {@code max(1000, 20 x average)} on one post), threads nested up to depth 5, 88 % approved,
 * 7 % pending, 4 % spam, 1 % trash, 1 % written by staff (an author's user id); some with HTML,
 * links, e-mails and websites. Every comment is a real one (no pingbacks), with text, so all M
 * should be imported.
 */
public final class GenerateWxr {
  private static final DateTimeFormatter WP_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter RFC =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String SITE = "https://ancien-journal.example.org";
  private static final int MAX_DEPTH = 5;

  private static final String[] WORDS = (
      "commune habitants conseil municipal maire élections quartier marché festival bibliothèque "
          + "école collège lycée mairie préfecture département région vallée rivière montagne forêt "
          + "village ville centre rue place église château pont gare route chemin sentier parc jardin "
          + "été hiver printemps automne saison année mois semaine journée soirée matinée nuit "
          + "association club équipe match saison championnat victoire défaite supporters stade "
          + "théâtre cinéma concert musique spectacle exposition musée artiste peintre écrivain "
          + "agriculteur éleveur vigneron récolte vendanges fromage producteurs coopérative "
          + "entreprise emploi chômage usine artisan commerçant boulangerie pharmacie médecin "
          + "hôpital santé vaccination retraités jeunesse enfants familles parents élèves "
          + "professeurs enseignants travaux chantier voirie réseau électricité eau assainissement "
          + "budget impôts subvention investissement dépenses recettes délibération séance vote "
          + "opposition majorité adjoint conseillère député sénateur ministre gouvernement état "
          + "préfet gendarmerie pompiers incendie accident secours inondation tempête orage neige "
          + "sécheresse chaleur canicule climat environnement biodiversité déchets recyclage tri "
          + "transport bus train vélo piétons stationnement circulation sécurité prévention "
          + "logement urbanisme permis construction rénovation patrimoine histoire mémoire "
          + "cérémonie commémoration anniversaire fête kermesse brocante vide-grenier foire salon "
          + "rencontre réunion débat enquête témoignage portrait reportage interview chronique "
          + "lecteurs rédaction journal édition numéro page photo légende courrier réponse "
          + "nouveau nouvelle ancien ancienne grand grande petit petite premier première dernier "
          + "dernière public publique local locale régional régionale national nationale municipal "
          + "prochain prochaine beau belle long longue important importante célèbre fidèle "
          + "déçu déçue inquiet inquiète heureux heureuse prêt prête élevé élevée gratuit gratuite "
          + "annonce annoncé présente présenté prévu prévue ouvert ouverte fermé fermée réalisé "
          + "organisé organisée accueilli accueillie installé installée rénové rénovée inauguré "
          + "décidé décidée adopté adoptée reporté reportée lancé lancée attendu attendue "
          + "avec pour dans sur sous entre depuis pendant avant après chez vers selon malgré "
          + "mais donc ainsi encore toujours déjà aussi très plus moins bien mieux souvent "
          + "ensemble désormais enfin notamment également cependant pourtant néanmoins")
      .split(" ");
  private static final String[] FIRST =
      ("Camille Léa Chloé Manon Inès Zoé Jade Louise Agathe Hélène Élodie Noémie Cécile Amélie "
              + "Lucas Hugo Théo Louis Jules Gabriel Raphaël Arthur Mathéo Noé Étienne Jérôme "
              + "François Benoît Loïc Gaëtan Anaïs Maëlle Françoise Thérèse André René")
          .split(" ");
  private static final String[] LAST =
      ("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
              + "Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André "
              + "Lefebvre Mercier Dupont Lambert Bonnet François Martinez Légaré Bézier Château "
              + "Hébert Pâris Crémieux Faÿ")
          .split(" ");
  private static final String[][] AUTHORS = {
    {"1", "claire", "Claire Dumont", "claire.dumont@ancien-journal.example.org"},
    {"2", "jperez", "José Pérez", "jose.perez@ancien-journal.example.org"},
    {"3", "mlefevre", "Marie Lefèvre", "marie.lefevre@ancien-journal.example.org"},
    {"4", "redaction", "La rédaction", "redaction@ancien-journal.example.org"},
    {"5", "bnoel", "Benoît Noël", "benoit.noel@ancien-journal.example.org"},
    {"6", "agarcon", "Anaïs Garçon", ""},
  };
  /** Top categories, each with children (a child's child when the name has a '/'). */
  private static final String[][] CATEGORIES = {
    {"Actualité", "Faits divers", "Justice", "Faits divers/Accidents"},
    {"Politique", "Conseil municipal", "Élections", "Élections/Municipales", "Intercommunalité"},
    {"Économie", "Agriculture", "Commerce", "Emploi", "Agriculture/Viticulture"},
    {"Société", "Éducation", "Santé", "Logement", "Éducation/Écoles primaires"},
    {"Culture", "Cinéma", "Théâtre", "Musique", "Patrimoine", "Musique/Fête de la musique"},
    {"Sports", "Football", "Rugby", "Cyclisme", "Randonnée"},
    {"Environnement", "Climat", "Biodiversité"},
    {"Vie locale"},
    {"Opinions"},
    {"Non classé"},
  };

  private final Random random;
  private final Writer out;
  private final List<String[]> categories = new ArrayList<>(); // slug, name, parent slug
  private final List<String[]> tags = new ArrayList<>(); // slug, name
  private final Set<String> slugs = new HashSet<>();

  private GenerateWxr(Writer out, long seed) {
    this.out = out;
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: java GenerateWxr.java OUT.xml [ARTICLES] [COMMENTS] [SEED]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int articles = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int comments = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    long start = System.nanoTime();
    Stats stats;
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
            1 << 16)) {
      stats = new GenerateWxr(w, seed).write(articles, comments);
    }
    long size = Files.size(file);
    System.out.printf(
        Locale.ROOT,
        "%s: %d articles, %d comments (max %d on one article, %d articles without, max depth %d,"
            + " %d pending, %d spam, %d trash, %d by staff), %d categories, %d tags;"
            + " %d bytes (%.1f MB) in %.1f s%n",
        file,
        articles,
        stats.comments,
        stats.maxPerArticle,
        stats.articlesWithout,
        stats.maxDepth,
        stats.pending,
        stats.spam,
        stats.trash,
        stats.staff,
        stats.categories,
        stats.tags,
        size,
        size / 1e6,
        (System.nanoTime() - start) / 1e9);
  }

  private static final class Stats {
    int comments;
    int maxPerArticle;
    int articlesWithout;
    int maxDepth;
    int pending;
    int spam;
    int trash;
    int staff;
    int categories;
    int tags;
  }

  private Stats write(int articleCount, int commentCount) throws IOException {
    Stats stats = new Stats();
    int[] perArticle = spread(articleCount, commentCount);
    header();
    terms();
    stats.categories = categories.size();
    stats.tags = tags.size();
    // Posts from 2012 on, about one every 8 hours, the last few scheduled in the future.
    LocalDateTime date = LocalDateTime.of(2012, 1, 3, 8, 0);
    int commentId = 1;
    for (int i = 0; i < articleCount; i++) {
      date = date.plusMinutes(60 + random.nextInt(14 * 60));
      int postId = 100 + i * 3; // gaps, as revisions and attachments leave in WordPress
      commentId = item(postId, date, perArticle[i], commentId, stats);
      stats.comments += perArticle[i];
      stats.maxPerArticle = Math.max(stats.maxPerArticle, perArticle[i]);
      if (perArticle[i] == 0) {
        stats.articlesWithout++;
      }
    }
    out.write("</channel>\n</rss>\n");
    return stats;
  }

  /** How many comments each article gets: 15 % none, the rest log-normal, capped. */
  private int[] spread(int articles, int comments) {
    double[] weight = new double[articles];
    double total = 0;
    int withComments = 0;
    for (int i = 0; i < articles; i++) {
      if (random.nextDouble() >= 0.15) {
        weight[i] = Math.exp(random.nextGaussian() * 1.3);
        total += weight[i];
        withComments++;
      }
    }
    int[] count = new int[articles];
    if (withComments == 0 || comments == 0) {
      return count;
    }
    int cap = Math.max(1000, 20 * (comments / Math.max(1, articles)));
    cap = Math.max(cap, (comments + withComments - 1) / withComments);
    long given = 0;
    for (int i = 0; i < articles; i++) {
      count[i] = (int) Math.min(cap, Math.floor(comments * weight[i] / total));
      given += count[i];
    }
    while (given < comments) {
      int i = random.nextInt(articles);
      if (weight[i] > 0 && count[i] < cap) {
        count[i]++;
        given++;
      }
    }
    return count;
  }

  private void header() throws IOException {
    out.write(
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!-- Generated by Tribune's bench/import/GenerateWxr.java: an import benchmark. -->
        <!-- It is a WordPress eXtended RSS file; import it with Tribune, not with WordPress. -->
        <rss version="2.0"
        \txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
        \txmlns:content="http://purl.org/rss/1.0/modules/content/"
        \txmlns:wfw="http://wellformedweb.org/CommentAPI/"
        \txmlns:dc="http://purl.org/dc/elements/1.1/"
        \txmlns:wp="http://wordpress.org/export/1.2/"
        >
        <channel>
        \t<title>L&#8217;Écho de l&#8217;ancien journal</title>
        \t<link>%1$s</link>
        \t<description>Toute l&#8217;actualité de la vallée</description>
        \t<pubDate>Mon, 01 Dec 2025 08:00:00 +0000</pubDate>
        \t<language>fr-FR</language>
        \t<wp:wxr_version>1.2</wp:wxr_version>
        \t<wp:base_site_url>%1$s</wp:base_site_url>
        \t<wp:base_blog_url>%1$s</wp:base_blog_url>
        """
            .formatted(SITE));
    for (String[] a : AUTHORS) {
      String[] names = a[2].split(" ", 2);
      out.write(
          "\t<wp:author><wp:author_id>"
              + a[0]
              + "</wp:author_id><wp:author_login>"
              + cdata(a[1])
              + "</wp:author_login><wp:author_email>"
              + cdata(a[3])
              + "</wp:author_email><wp:author_display_name>"
              + cdata(a[2])
              + "</wp:author_display_name><wp:author_first_name>"
              + cdata(names[0])
              + "</wp:author_first_name><wp:author_last_name>"
              + cdata(names.length > 1 ? names[1] : "")
              + "</wp:author_last_name></wp:author>\n");
    }
    out.write("\n");
  }

  private void terms() throws IOException {
    int termId = 2;
    List<String[]> listed = new ArrayList<>();
    for (String[] family : CATEGORIES) {
      String top = slug(family[0]);
      categories.add(new String[] {top, family[0], ""});
      for (int i = 1; i < family.length; i++) {
        String name = family[i];
        int slash = name.indexOf('/');
        String parent = slash < 0 ? top : slug(name.substring(0, slash));
        String own = slash < 0 ? name : name.substring(slash + 1);
        categories.add(new String[] {slug(own), own, parent});
      }
    }
    // WordPress lists terms by id; children sometimes come before their parents.
    listed.addAll(categories);
    for (int i = 0; i < listed.size() / 4; i++) {
      int a = random.nextInt(listed.size());
      int b = random.nextInt(listed.size());
      String[] t = listed.get(a);
      listed.set(a, listed.get(b));
      listed.set(b, t);
    }
    for (String[] c : listed) {
      out.write(
          "\t<wp:category><wp:term_id>"
              + termId++
              + "</wp:term_id><wp:category_nicename>"
              + cdata(c[0])
              + "</wp:category_nicename><wp:category_parent>"
              + cdata(c[2])
              + "</wp:category_parent><wp:cat_name>"
              + cdata(html(c[1]))
              + "</wp:cat_name>"
              + (random.nextInt(3) == 0
                  ? "<wp:category_description>"
                      + cdata("Tous les articles « " + c[1] + " » : " + sentence(8))
                      + "</wp:category_description>"
                  : "")
              + "</wp:category>\n");
    }
    Set<String> tagSlugs = new HashSet<>();
    while (tags.size() < 240) {
      String name =
          random.nextInt(3) == 0
              ? capital(word()) + " " + word()
              : random.nextInt(4) == 0 ? LAST[random.nextInt(LAST.length)] : capital(word());
      String s = slug(name);
      if (tagSlugs.add(s)) {
        tags.add(new String[] {s, name});
        out.write(
            "\t<wp:tag><wp:term_id>"
                + termId++
                + "</wp:term_id><wp:tag_slug>"
                + cdata(s)
                + "</wp:tag_slug><wp:tag_name>"
                + cdata(html(name))
                + "</wp:tag_name></wp:tag>\n");
      }
    }
    out.write(
        "\t<wp:term><wp:term_id>"
            + termId
            + "</wp:term_id><wp:term_taxonomy>"
            + cdata("nav_menu")
            + "</wp:term_taxonomy><wp:term_slug>"
            + cdata("menu-principal")
            + "</wp:term_slug><wp:term_name>"
            + cdata("Menu principal")
            + "</wp:term_name></wp:term>\n\n");
  }

  /** One post and its comments; returns the next comment id. */
  private int item(int postId, LocalDateTime local, int commentCount, int commentId, Stats stats)
      throws IOException {
    String title = title();
    String slug = slug(title);
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("-+$", "");
    }
    if (!slugs.add(slug)) {
      int n = 2;
      while (!slugs.add(slug + "-" + n)) {
        n++;
      }
      slug = slug + "-" + n;
    }
    int r = random.nextInt(100);
    String status = r < 96 ? "publish" : r < 99 ? "draft" : "future";
    if (status.equals("future")) {
      local = LocalDateTime.of(2030, 1, 1, 8, 0).plusHours(postId);
    }
    ZonedDateTime zoned = local.atZone(PARIS);
    LocalDateTime gmt = zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    LocalDateTime modified = random.nextInt(5) == 0 ? local.plusDays(1 + random.nextInt(30)) : local;
    LocalDateTime modifiedGmt =
        modified.atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    String[] author = AUTHORS[random.nextInt(random.nextInt(3) == 0 ? AUTHORS.length : 3)];
    String link =
        status.equals("publish")
            ? SITE + "/" + local.getYear() + "/" + two(local.getMonthValue()) + "/" + two(local.getDayOfMonth()) + "/" + slug + "/"
            : SITE + "/?p=" + postId;
    StringBuilder b = new StringBuilder(8192);
    b.append("\t<item>\n\t\t<title>")
        .append(cdata(html(title)))
        .append("</title>\n\t\t<link>")
        .append(escape(link))
        .append("</link>\n\t\t<pubDate>")
        .append(zoned.format(RFC))
        .append("</pubDate>\n\t\t<dc:creator>")
        .append(cdata(author[1]))
        .append("</dc:creator>\n\t\t<guid isPermaLink=\"false\">")
        .append(SITE)
        .append("/?p=")
        .append(postId)
        .append("</guid>\n\t\t<description></description>\n\t\t<content:encoded>");
    out.write(b.toString());
    b.setLength(0);
    out.write(cdata(random.nextInt(5) == 0 ? classicBody() : blockBody()));
    b.append("</content:encoded>\n\t\t<excerpt:encoded>")
        .append(cdata(random.nextBoolean() ? html(sentence(12 + random.nextInt(20))) : ""))
        .append("</excerpt:encoded>\n");
    field(b, "post_id", Integer.toString(postId), false);
    field(b, "post_date", local.format(WP_DATE), true);
    field(b, "post_date_gmt", status.equals("draft") ? "0000-00-00 00:00:00" : gmt.format(WP_DATE), true);
    field(b, "post_modified", modified.format(WP_DATE), true);
    field(b, "post_modified_gmt", modifiedGmt.format(WP_DATE), true);
    field(b, "comment_status", random.nextInt(20) == 0 && commentCount == 0 ? "closed" : "open", true);
    field(b, "ping_status", "open", true);
    field(b, "post_name", status.equals("draft") ? "" : slug, true);
    field(b, "status", status, true);
    field(b, "post_parent", "0", false);
    field(b, "menu_order", "0", false);
    field(b, "post_type", "post", true);
    field(b, "post_password", "", true);
    field(b, "is_sticky", random.nextInt(500) == 0 ? "1" : "0", false);
    String[] category = categories.get(random.nextInt(categories.size()));
    b.append("\t\t<category domain=\"category\" nicename=\"")
        .append(escape(category[0]))
        .append("\">")
        .append(cdata(category[1]))
        .append("</category>\n");
    if (random.nextInt(6) == 0) {
      String[] second = categories.get(random.nextInt(categories.size()));
      if (second != category) {
        b.append("\t\t<category domain=\"category\" nicename=\"")
            .append(escape(second[0]))
            .append("\">")
            .append(cdata(second[1]))
            .append("</category>\n");
      }
    }
    int tagCount = random.nextInt(7);
    for (int t = 0; t < tagCount; t++) {
      // Popular tags more often: the square of a uniform number leans towards the first ones.
      double u = random.nextDouble();
      String[] tag = tags.get((int) (u * u * tags.size()));
      b.append("\t\t<category domain=\"post_tag\" nicename=\"")
          .append(escape(tag[0]))
          .append("\">")
          .append(cdata(tag[1]))
          .append("</category>\n");
    }
    field(b, "postmeta", null, false);
    out.write(b.toString());
    b.setLength(0);
    if (commentCount > 0) {
      comments(commentCount, commentId, local, stats);
    }
    out.write("\t</item>\n");
    return commentId + commentCount;
  }

  /** An item's comments, in id order (as WordPress exports them): replies after their parents. */
  private void comments(int count, int firstId, LocalDateTime after, Stats stats)
      throws IOException {
    int[] depth = new int[count];
    LocalDateTime date = after.plusMinutes(5 + random.nextInt(120));
    // Busy threads get replies more often.
    double replyShare = count < 5 ? 0.25 : count < 50 ? 0.45 : 0.6;
    StringBuilder b = new StringBuilder(2048);
    for (int i = 0; i < count; i++) {
      int id = firstId + i;
      int parent = 0;
      depth[i] = 1;
      if (i > 0 && random.nextDouble() < replyShare) {
        // A reply to a recent comment (threads grow at their end) that is not yet at depth 5.
        for (int attempt = 0; attempt < 4; attempt++) {
          int back = Math.min(i, 1 + (int) Math.abs(random.nextGaussian() * 6));
          int p = i - back;
          if (depth[p] < MAX_DEPTH) {
            parent = firstId + p;
            depth[i] = depth[p] + 1;
            break;
          }
        }
      }
      stats.maxDepth = Math.max(stats.maxDepth, depth[i]);
      date = date.plusMinutes(1 + random.nextInt(count > 200 ? 30 : 600));
      int r = random.nextInt(100);
      String approved = r < 88 ? "1" : r < 95 ? "0" : r < 99 ? "spam" : "trash";
      switch (approved) {
        case "0" -> stats.pending++;
        case "spam" -> stats.spam++;
        case "trash" -> stats.trash++;
        default -> {}
      }
      boolean staff = random.nextInt(100) == 0;
      String[] author = staff ? AUTHORS[random.nextInt(AUTHORS.length)] : null;
      if (staff) {
        stats.staff++;
      }
      String name =
          staff
              ? author[2]
              : random.nextInt(10) == 0
                  ? capital(word()) + random.nextInt(100)
                  : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      String email =
          staff
              ? author[3]
              : random.nextInt(3) == 0 ? "" : "lecteur" + random.nextInt(50_000) + "@example.net";
      String url =
          !staff && random.nextInt(8) == 0 ? "https://blog" + random.nextInt(5000) + ".example.com" : "";
      String ip =
          approved.equals("spam")
              ? "203.0.113." + random.nextInt(256)
              : "198.51." + random.nextInt(256) + "." + random.nextInt(256);
      LocalDateTime gmt = date.atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
      b.setLength(0);
      b.append("\t\t<wp:comment>\n");
      field(b, "comment_id", Integer.toString(id), false, "\t\t\t");
      field(b, "comment_author", html(name), true, "\t\t\t");
      field(b, "comment_author_email", email, true, "\t\t\t");
      field(b, "comment_author_url", url, true, "\t\t\t");
      field(b, "comment_author_IP", ip, true, "\t\t\t");
      field(b, "comment_date", date.format(WP_DATE), true, "\t\t\t");
      field(b, "comment_date_gmt", gmt.format(WP_DATE), true, "\t\t\t");
      field(b, "comment_content", approved.equals("spam") ? spam() : commentBody(), true, "\t\t\t");
      field(b, "comment_approved", approved, true, "\t\t\t");
      field(b, "comment_type", random.nextInt(4) == 0 ? "comment" : "", true, "\t\t\t");
      field(b, "comment_parent", Integer.toString(parent), false, "\t\t\t");
      field(b, "comment_user_id", staff ? author[0] : "0", false, "\t\t\t");
      if (random.nextInt(3) == 0) {
        b.append("\t\t\t<wp:commentmeta>\n\t\t\t\t<wp:meta_key>")
            .append(cdata("akismet_result"))
            .append("</wp:meta_key>\n\t\t\t\t<wp:meta_value>")
            .append(cdata(approved.equals("spam") ? "true" : "false"))
            .append("</wp:meta_value>\n\t\t\t</wp:commentmeta>\n");
      }
      b.append("\t\t</wp:comment>\n");
      out.write(b.toString());
    }
  }

  // --- Texts -------------------------------------------------------------------------------

  private String word() {
    // Common words more often.
    double u = random.nextDouble();
    return WORDS[(int) (u * u * WORDS.length)];
  }

  private String sentence(int words) {
    StringBuilder s = new StringBuilder(words * 9);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        s.append(i % 7 == 6 && random.nextInt(3) == 0 ? ", " : " ");
      }
      s.append(word());
    }
    s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
    int end = random.nextInt(20);
    s.append(end == 0 ? " ?" : end == 1 ? " !" : end == 2 ? "…" : ".");
    return s.toString();
  }

  private String paragraph() {
    int sentences = 2 + random.nextInt(5);
    StringBuilder p = new StringBuilder(600);
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        p.append(' ');
      }
      String s = sentence(8 + random.nextInt(18));
      int decoration = random.nextInt(12);
      if (decoration == 0) {
        int cut = s.indexOf(' ', s.length() / 2);
        if (cut > 0) {
          s = s.substring(0, cut) + " <strong>" + s.substring(cut + 1, s.length() - 1) + "</strong>.";
        }
      } else if (decoration == 1) {
        s = s.substring(0, s.length() - 1) + " (<a href=\"https://www.example.com/" + slug(word()) + "\">" + word() + "</a>).";
      } else if (decoration == 2) {
        s = "« " + s.substring(0, s.length() - 1) + " », explique " + FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + ".";
      } else if (decoration == 3) {
        s = s.replaceFirst(" ", " <em>") .replaceFirst("([.?!…])$", "</em>$1");
      }
      p.append(s);
    }
    return p.toString();
  }

  private String title() {
    String t = sentence(4 + random.nextInt(8));
    t = t.substring(0, t.length() - 1).replace(",", "");
    if (random.nextInt(8) == 0) {
      t = t + " : « " + word() + " " + word() + " »";
    } else if (random.nextInt(10) == 0) {
      t = t.replaceFirst(" ", " l’");
    }
    return t;
  }

  /** A block-editor body: paragraphs, sometimes headings, lists, a quote, an image. */
  private String blockBody() {
    StringBuilder b = new StringBuilder(6000);
    int blocks = 3 + random.nextInt(10);
    for (int i = 0; i < blocks; i++) {
      if (i > 0) {
        b.append("\n\n");
      }
      int kind = i == 0 ? 0 : random.nextInt(14);
      switch (kind) {
        case 1 -> b.append("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">")
            .append(title())
            .append("</h2>\n<!-- /wp:heading -->");
        case 2 -> {
          b.append("<!-- wp:list -->\n<ul class=\"wp-block-list\">");
          int items = 2 + random.nextInt(4);
          for (int j = 0; j < items; j++) {
            b.append("<!-- wp:list-item -->\n<li>").append(sentence(5 + random.nextInt(8)))
                .append("</li>\n<!-- /wp:list-item -->");
          }
          b.append("</ul>\n<!-- /wp:list -->");
        }
        case 3 -> b.append("<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>« ")
            .append(sentence(10 + random.nextInt(15)))
            .append(" »</p>\n<!-- /wp:paragraph --><cite>")
            .append(FIRST[random.nextInt(FIRST.length)]).append(' ').append(LAST[random.nextInt(LAST.length)])
            .append("</cite></blockquote>\n<!-- /wp:quote -->");
        case 4 -> {
          int media = 1000 + random.nextInt(90_000);
          b.append("<!-- wp:image {\"id\":").append(media)
              .append(",\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n<figure class=\"wp-block-image size-large\"><img src=\"")
              .append(SITE).append("/wp-content/uploads/2019/05/photo-").append(media)
              .append("-1024x683.jpg\" alt=\"").append(word()).append(' ').append(word())
              .append("\" class=\"wp-image-").append(media)
              .append("\"/><figcaption class=\"wp-element-caption\">").append(sentence(6))
              .append("</figcaption></figure>\n<!-- /wp:image -->");
        }
        default -> b.append("<!-- wp:paragraph -->\n<p>").append(paragraph())
            .append("</p>\n<!-- /wp:paragraph -->");
      }
    }
    return b.toString();
  }

  /** A classic-editor body: bare text, blank lines between paragraphs, single newlines inside. */
  private String classicBody() {
    StringBuilder b = new StringBuilder(5000);
    int paragraphs = 3 + random.nextInt(8);
    for (int i = 0; i < paragraphs; i++) {
      if (i > 0) {
        b.append("\r\n\r\n");
      }
      String p = paragraph();
      if (random.nextInt(5) == 0) {
        int cut = p.indexOf(". ");
        if (cut > 0) {
          p = p.substring(0, cut + 1) + "\r\n" + p.substring(cut + 2);
        }
      }
      b.append(p);
    }
    return b.toString();
  }

  private String commentBody() {
    int kind = random.nextInt(10);
    String text = sentence(3 + random.nextInt(30));
    if (random.nextInt(3) == 0) {
      text = text + (random.nextBoolean() ? "\n\n" : " ") + sentence(5 + random.nextInt(25));
    }
    return switch (kind) {
      case 0 -> "<p>" + text + "</p>";
      case 1 -> text + " <a href=\"https://www.example.com/" + slug(word()) + "\" rel=\"nofollow\">lien</a>";
      case 2 -> "<strong>" + word() + "</strong> " + text;
      case 3 -> "<blockquote>" + sentence(6) + "</blockquote>\n" + text;
      default -> text;
    };
  }

  private String spam() {
    return "Great article! Visit <a href=\"https://casino" + random.nextInt(1000)
        + ".example.com/\">cheap offers</a> " + word() + " " + word();
  }

  // --- XML ---------------------------------------------------------------------------------

  private static void field(StringBuilder b, String name, String value, boolean cdata) {
    field(b, name, value, cdata, "\t\t");
  }

  private static void field(
      StringBuilder b, String name, String value, boolean cdata, String indent) {
    if (name.equals("postmeta")) {
      b.append(indent).append("<wp:postmeta>\n").append(indent).append("\t<wp:meta_key>")
          .append(cdata("_edit_last")).append("</wp:meta_key>\n").append(indent)
          .append("\t<wp:meta_value>").append(cdata("1")).append("</wp:meta_value>\n")
          .append(indent).append("</wp:postmeta>\n");
      return;
    }
    b.append(indent).append("<wp:").append(name).append('>')
        .append(cdata ? cdata(value) : escape(value))
        .append("</wp:").append(name).append(">\n");
  }

  private static String cdata(String text) {
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** As WordPress stores titles and names: some characters as entities. */
  private static String html(String text) {
    return text.replace("&", "&amp;").replace("’", "&#8217;").replace("« ", "&laquo;&nbsp;")
        .replace(" »", "&nbsp;&raquo;");
  }

  private static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** A WordPress-like slug: lower case, accents dropped, hyphens. */
  static String slug(String text) {
    String plain =
        java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("œ", "oe")
            .replace("æ", "ae");
    return plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
