package org.tribune.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.tribune.web.listing.ListingBacking;

/**
 * Backs {@code /search?q=…}: the form, then the listed articles having every word of the query,
 * best first, paginated like the other lists ({@code &page=2}). Never indexed by search engines:
 * its pages are as many as the queries.
 */
@Named
@RequestScoped
public class SearchBacking extends ListingBacking {

  private String query = "";
  private Highlighter highlighter = new Highlighter("");
  private boolean searched;

  public void load() {
    query =
        SearchQuery.clean(
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("q"));
    highlighter = new Highlighter(query);
    ResourceBundle messages = site.messages();
    meta.setDescription(messages.getString("search.description"));
    if (highlighter.hasTerms()
        && show(SearchQuery.path(query), n -> articles.search(query, n, PAGE_SIZE))) {
      searched = true;
      meta.setTitle(titled(titleFor(messages)) + " – " + site.getName());
    } else {
      meta.setCanonicalPath(SearchQuery.path(query));
      meta.setTitle(
          (query.isEmpty() ? messages.getString("search.title") : titleFor(messages))
              + " – "
              + site.getName());
    }
    meta.setIndexable(false);
  }

  private String titleFor(ResourceBundle messages) {
    return MessageFormat.format(messages.getString("search.title-query"), getShownQuery());
  }

  /** The query as cleaned up, for the form. */
  public String getQuery() {
    return query;
  }

  /** The query shortened for sentences ("3 résultats pour « … »"). */
  public String getShownQuery() {
    return SearchQuery.shown(query);
  }

  /** Whether the query was searched for (it had usable words and a valid page number). */
  public boolean isSearched() {
    return searched;
  }

  /** Whether a query was typed that has no word search can use (only "le", "de", punctuation…). */
  public boolean isWithoutTerms() {
    return !query.isEmpty() && !highlighter.hasTerms();
  }

  /** Marks the query's words in titles and standfirsts. */
  public Highlighter getHighlighter() {
    return highlighter;
  }
}
