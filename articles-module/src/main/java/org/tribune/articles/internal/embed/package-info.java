/**
 * Embeds that track no one: a Markdown paragraph holding only a link to a post (X, Mastodon,
 * Bluesky) or a video (YouTube, Vimeo, Dailymotion, PeerTube), or a pasted official embed code,
 * becomes a quote card or a click-to-load video box that contacts no third party until the reader
 * asks. {@link org.tribune.articles.internal.embed.EmbedLinks} recognises the addresses, {@link
 * org.tribune.articles.internal.embed.EmbedHtml} writes the markup, {@link
 * org.tribune.articles.internal.embed.OEmbedClient} fetches a provider's oEmbed answer once, at
 * save time, SSRF-safe ({@link org.tribune.articles.internal.embed.PublicAddresses}), and {@link
 * org.tribune.articles.internal.embed.EmbedCache} keeps it. Only the body renderer uses it, through
 * {@link org.tribune.articles.internal.Embeds}.
 */
package org.tribune.articles.internal.embed;
