package org.tribune.articles.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The media library: images uploaded by staff, checked (content sniffed, decompression bombs
 * refused before decoding), stripped of their metadata, oriented, made into the widths the site
 * shows, and served at addresses naming their content.
 */
public interface MediaService {

  /** At most this many items per {@link #after} call. */
  int MAX_BATCH = 500;

  /**
   * Takes an uploaded file into the library, without description yet.
   *
   * @param file the uploaded bytes, read here; the caller deletes it afterwards
   * @param originalName the name the uploader's computer gave it, kept for display only (never a
   *     path of the store)
   * @param uploadedBy who uploaded it (the staff member's sign-in)
   * @throws MediaRejectedException when it is not an image the library takes; nothing is stored
   */
  MediaItem upload(
      @NotNull Path file,
      @NotBlank @Size(max = 10_000) String originalName,
      @NotBlank String uploadedBy)
      throws IOException;

  /**
   * Takes into the library an image another site serves (a site moving in), without description
   * yet. Fetched safely for the server: http or https, every address of the host public (no
   * loopback, private or link-local address; the tests' own hosts excepted by {@code
   * tribune.media.allow-hosts}), at most three redirects each checked again, {@code
   * tribune.media.max-bytes} at most, 30 seconds for the whole answer; then checked and processed
   * as {@link #upload} does.
   *
   * @param originalName kept for display (the file's name on the other site)
   * @throws MediaFetchException when it could not be fetched; nothing is stored
   * @throws MediaRejectedException when what came is not an image the library takes
   */
  MediaItem fetch(
      @NotNull URI address,
      @NotBlank @Size(max = 10_000) String originalName,
      @NotBlank String uploadedBy)
      throws IOException;

  /**
   * Gives an item a new file, keeping its description and its uses: every article showing it shows
   * the new one. Fires {@link MediaChanged}.
   */
  MediaItem replaceFile(long id, @NotNull Path file, @NotBlank String originalName)
      throws IOException;

  /** Describes an item again. Fires {@link MediaChanged}. */
  MediaItem describe(long id, @NotNull @Valid MediaDescription description);

  Optional<MediaItem> find(long id);

  /** The items with these ids, by id (unknown ids are left out), in one query. */
  Map<Long, MediaItem> find(@NotNull Collection<Long> ids);

  /**
   * Newest first, those whose text alternative, caption, credit or file name contains {@code text}
   * (any case or accents; blank: all).
   *
   * @param page from 0
   */
  MediaPage search(String text, @Min(0) int page, @Min(1) int size);

  /**
   * Up to {@code size} items with an id above {@code afterId}, oldest first (by id): the whole
   * library a page at a time for an export, pass the last id seen. Unlike {@link #search} paging,
   * items added or deleted meanwhile never shift a page.
   */
  List<MediaItem> after(@Min(0) long afterId, @Min(1) @Max(MAX_BATCH) int size);

  /** The articles showing the item, newest change first. */
  List<MediaUse> uses(long id);

  /**
   * Deletes an item and its files. While articles show it, only when {@code evenIfUsed}: they then
   * lose it (their lead image is gone). Fires {@link MediaChanged}.
   *
   * @throws InUseException when articles show it and {@code evenIfUsed} is false
   */
  void delete(long id, boolean evenIfUsed) throws IOException;

  /**
   * A rendition by the name of its public address ({@code 3f2a…c9-640.jpg}), or empty when no item
   * has it. Names are checked against the library, never used as paths as they are.
   */
  Optional<MediaFile> open(@NotNull String name) throws IOException;

  /** The stored original of an item (for the media archive), or empty. */
  Optional<MediaFile> original(long id) throws IOException;
}
