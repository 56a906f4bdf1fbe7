package org.tribune.comments.api;

import java.util.Optional;

/**
 * Where readers find the site's <em>Charte de modération</em>, for the mails that tell an author or
 * a reporter of a decision. The module that publishes the charter provides one CDI bean of this
 * type; without one (or while the charter is not published) the mails do without the link.
 */
public interface ModerationCharter {

  /** The charter page's absolute address, when it is published. */
  Optional<String> address();
}
