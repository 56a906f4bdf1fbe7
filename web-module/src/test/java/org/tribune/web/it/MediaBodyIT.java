package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.text;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images of the media library inside an article's Markdown body, over HTTP and without JavaScript:
 * inserted from the editor's picker (« Insérer dans le texte »), shown as a figure with caption and
 * credit in the preview and on the published page, counted among the item's uses, and following the
 * library: a new caption, a new file, a forced delete. On the server of {@link ConsoleFlowsServer}.
 */
@ExtendWith(ConsoleFlowsServer.class)
class MediaBodyIT {
  @TempDir Path folder;

  @Test
  void anImageInsertedInTheBodyFollowsTheLibraryOnThePublishedPage(TribuneServer server)
      throws IOException {
    try (Visitor admin = admin(server)) {
      String name = MediaIT.unique("Phare") + ".jpg";
      long mediaId =
          MediaIT.idOf(MediaIT.upload(admin, file(name, MediaIT.jpeg(2000, 1250))), name);
      String alt = MediaIT.unique("Le phare de la pointe dans la brume");
      MediaIT.describe(
          admin,
          mediaId,
          Map.of("alt", alt, "caption", "Le phare veille depuis 1856.", "credit", "Studio Marin"));

      String title = Editor.uniqueTitle("Une nuit au phare");
      long articleId =
          Editor.create(admin, Map.of("title", title, "body", "Le gardien monte l’escalier."));
      HtmlPage inserted = MediaIT.pressInEditor(admin, articleId, alt, "editor.media.insert-named");

      String body = Editor.field(inserted, "body");
      DomElement preview = inserted.getHtmlElementById("editor:preview");
      DomElement previewFigure = preview.querySelector("figure.media");
      assertAll(
          () ->
              assertEquals(
                  "Le gardien monte l’escalier.\n\n![](media:" + mediaId + ")\n",
                  body.replace("\r\n", "\n")),
          () -> assertNotNull(previewFigure, () -> "no figure in the preview\n" + preview.asXml()),
          () ->
              assertEquals(
                  "Le phare veille depuis 1856. Crédit\u00a0: Studio Marin",
                  caption(previewFigure)));

      Editor.pressForPage(admin, inserted, Map.of(), "publish");
      String path = admin.articlePath(title);
      DomElement figure = bodyFigure(admin, path);
      DomElement img = figure.querySelector("img");
      String srcset = img.getAttribute("srcset");
      assertAll(
          () -> assertEquals(alt, img.getAttribute("alt")),
          () -> assertEquals("lazy", img.getAttribute("loading")),
          () -> assertEquals("async", img.getAttribute("decoding")),
          () -> assertEquals("1920", img.getAttribute("width")),
          () -> assertEquals("1200", img.getAttribute("height")),
          () -> assertEquals("(min-width: 48rem) 46rem, 100vw", img.getAttribute("sizes")),
          () -> assertTrue(srcset.matches("/media/[0-9a-f]{64}-320\\.jpg 320w, .*"), srcset),
          () ->
              assertEquals(
                  "Le phare veille depuis 1856. Crédit\u00a0: Studio Marin", caption(figure)));

      HtmlPage item = admin.open("/admin/media/edit?id=" + mediaId);
      assertAll(
          () ->
              assertEquals(
                  text("media.uses", 1),
                  item.getHtmlElementById("uses-title").getTextContent().strip()),
          () -> assertTrue(item.asNormalizedText().contains(title), "the article is named"));

      MediaIT.describe(
          admin,
          mediaId,
          Map.of(
              "alt",
              alt,
              "caption",
              "Le phare a été automatisé en 1990.",
              "credit",
              "Studio Marin"));
      assertEquals(
          "Le phare a été automatisé en 1990. Crédit\u00a0: Studio Marin",
          caption(bodyFigure(admin, path)),
          "a new caption in the library is on the page");

      replace(admin, mediaId, file("autre.jpg", MediaIT.jpeg(1200, 900)));
      String newSrcset =
          bodyFigure(admin, path).<DomElement>querySelector("img").getAttribute("srcset");
      assertAll(
          () -> assertNotEquals(srcset, newSrcset),
          () -> assertFalse(newSrcset.contains(srcset.substring(0, 71)), newSrcset),
          () -> assertTrue(newSrcset.matches("/media/[0-9a-f]{64}-320\\.jpg 320w, .*"), newSrcset));

      HtmlPage asked =
          admin.send(
              admin.open("/admin/media/edit?id=" + mediaId), "delete", Map.of(), "delete:delete");
      assertTrue(asked.asNormalizedText().contains(title), "the confirmation names the article");
      admin.follow(
          admin.submit(asked.getHtmlElementById("delete"), Map.of(), "delete:delete-anyway"));
      HtmlPage after = admin.open(path);
      DomElement articleBody = after.querySelector(".article-body");
      assertAll(
          () -> assertNull(articleBody.querySelector("figure"), articleBody::asXml),
          () -> assertNull(articleBody.querySelector("img"), articleBody::asXml),
          () -> assertTrue(articleBody.getTextContent().contains("Le gardien monte l’escalier.")));
    }
  }

  /** Sends the item page's « Remplacer le fichier » form, as without JavaScript. */
  private static void replace(Visitor admin, long mediaId, File file) {
    HtmlPage item = admin.open("/admin/media/edit?id=" + mediaId);
    HtmlForm form = (HtmlForm) item.querySelector("input[name=replace]").getParentNode();
    HtmlFileInput input = form.getInputByName("files");
    input.setFiles(file);
    Page answer = admin.click((HtmlElement) form.querySelector("button[type=submit]"));
    if (Visitor.isRedirect(answer)) {
      admin.follow(answer);
    }
  }

  private static DomElement bodyFigure(Visitor visitor, String path) {
    HtmlPage page = visitor.open(path);
    DomElement figure = page.querySelector(".article-body figure.media");
    assertNotNull(figure, () -> "no figure in the body of\n" + page.asXml());
    return figure;
  }

  private static String caption(DomElement figure) {
    return figure
        .querySelector("figcaption")
        .getTextContent()
        .strip()
        .replaceAll("[ \\n\\t]+", " ");
  }

  private File file(String name, byte[] content) throws IOException {
    Path dir = Files.createTempDirectory(folder, "f");
    Path path = dir.resolve(name);
    Files.write(path, content);
    return path.toFile();
  }
}
