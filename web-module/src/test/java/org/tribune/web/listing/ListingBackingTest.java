package org.tribune.web.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ListingBackingTest {

  @Test
  void pageLinksAddThePageNumberAfterThePath() {
    assertEquals("/tags/velo", ListingBacking.pagePath("/tags/velo", 1));
    assertEquals("/tags/velo?page=2", ListingBacking.pagePath("/tags/velo", 2));
  }

  @Test
  void pageLinksKeepTheQueryStringOfTheList() {
    assertEquals("/search?q=v%C3%A9lo", ListingBacking.pagePath("/search?q=v%C3%A9lo", 1));
    assertEquals("/search?q=v%C3%A9lo&page=3", ListingBacking.pagePath("/search?q=v%C3%A9lo", 3));
  }
}
