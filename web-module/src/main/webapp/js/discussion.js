/*
 * Tribune discussions: what a script adds to a page that works without one.
 * - a live character counter under each comment box ("1 234 / 10 000");
 * - "Répondre" opens the form under the comment, in place;
 * - "Citer": select a passage of the article or of a comment, and the button inserts it into the
 *   comment as a quotation with its source;
 * - posting, voting and "Afficher plus de commentaires" without reloading the page; the reader's
 *   own votes pressed, and taken back by pressing them again;
 * - « Lire la suite » under a very long comment, shown folded;
 * - « Aperçu » under the comment box: the text as it will look;
 * - the form token of a page that is the same for every reader, asked for when the reader comes to
 *   the discussion;
 * - an old WordPress link to a comment (…/#comment-12, redirected here with a short cookie) is sent
 *   on to that comment's new place;
 * - new comments announced while the reader is on the page (« 2 nouveaux commentaires »), and put
 *   in place without moving what they are reading.
 * The server checks everything again; nothing here is trusted.
 */
(function () {
  'use strict';
  var legacy = document.cookie.split('; ').indexOf('tribune-legacy=1') >= 0;
  if (legacy) {
    document.cookie = 'tribune-legacy=; max-age=0; path=' + window.location.pathname;
    var anchor = /^#comment-(\d{1,18})$/.exec(window.location.hash);
    var page = /^(.*)\/articles\/([a-z0-9-]+)$/.exec(window.location.pathname);
    if (anchor && page) {
      window.location.replace(page[1] + '/comments/legacy/' + anchor[1] + '?article=' + page[2]);
      return;
    }
  }
  var section = document.getElementById('comments');
  if (!section || !window.fetch) {
    return;
  }
  /*
   * The form token. A page that is the same for every reader (so that any cache may keep it) holds
   * none: the token, and the visitor's cookie with it, are asked for once when the reader comes
   * near the discussion or starts using it, so that the server can still tell how long the form
   * was open. Sending waits for it. A page of the visitor's own already holds one.
   */
  var tokenAsked = null;
  function token() {
    if (tokenAsked) {
      return tokenAsked;
    }
    var given = section.querySelector('input[name=form-token]');
    if (given && given.value) {
      tokenAsked = Promise.resolve(given.value);
      return tokenAsked;
    }
    tokenAsked = fetch(section.getAttribute('data-token'), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store'
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        Array.prototype.forEach.call(document.querySelectorAll('input[name=form-token]'),
          function (input) {
            if (!input.value) {
              input.value = answer.token;
            }
          });
        return answer.token;
      })
      .catch(function (error) {
        tokenAsked = null;
        throw error;
      });
    return tokenAsked;
  }
  function askToken() {
    token().catch(function () {
      // Asked again when the reader sends.
    });
  }
  if (window.IntersectionObserver) {
    var near = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        near.disconnect();
        askToken();
      }
    }, { rootMargin: '600px 0px' });
    near.observe(section);
  } else {
    askToken();
  }
  section.addEventListener('focusin', askToken);
  section.addEventListener('pointerdown', askToken);

  var mainForm = document.getElementById('comment-form');
  var home = mainForm ? mainForm.parentNode : null;
  var homeNext = mainForm ? mainForm.nextSibling : null;
  var texts = document.getElementById('discussion-texts');

  function text(key) {
    return texts ? texts.getAttribute('data-' + key) || '' : '';
  }

  /* The counter: characters as the server counts them (code points). */
  function length(value) {
    var n = 0;
    for (var i = 0; i < value.length; i++) {
      var c = value.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff) {
        n++;
      }
    }
    return n;
  }
  function bindCounter(area) {
    var output = document.getElementById(area.getAttribute('data-counter'));
    if (!output) {
      return;
    }
    var max = parseInt(output.getAttribute('data-max'), 10);
    var format = new Intl.NumberFormat(output.getAttribute('data-locale') || 'fr-FR');
    function update() {
      var n = length(area.value);
      output.textContent = format.format(n) + ' / ' + format.format(max);
      output.classList.toggle('over', n > max);
    }
    area.addEventListener('input', update);
    update();
  }
  Array.prototype.forEach.call(section.querySelectorAll('textarea[data-counter]'), bindCounter);

  /* Replies in place. */
  function showMessage(form, messages, kind) {
    var box = form.querySelector('.form-errors');
    box.textContent = '';
    box.className = 'form-errors' + (kind ? ' ' + kind : '');
    if (!messages.length) {
      return;
    }
    var list = document.createElement('ul');
    messages.forEach(function (m) {
      var item = document.createElement('li');
      item.textContent = m;
      list.appendChild(item);
    });
    box.appendChild(list);
  }
  function resetReply() {
    if (!mainForm || !home) {
      return;
    }
    home.insertBefore(mainForm, homeNext);
    mainForm.querySelector('[data-parent]').value = '';
    mainForm.querySelector('.comment-form-heading').textContent = mainForm.getAttribute('data-heading');
    mainForm.querySelector('[data-cancel-reply]').hidden = true;
  }
  if (mainForm) {
    mainForm.setAttribute('data-heading', mainForm.querySelector('.comment-form-heading').textContent);
    mainForm.querySelector('[data-cancel-reply]').addEventListener('click', function () {
      resetReply();
      mainForm.querySelector('textarea').focus();
    });
  }
  section.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-reply]');
    if (!link || !mainForm) {
      return;
    }
    event.preventDefault();
    var comment = link.closest('article');
    comment.appendChild(mainForm);
    mainForm.querySelector('[data-parent]').value = link.getAttribute('data-reply');
    mainForm.querySelector('.comment-form-heading').textContent =
      link.textContent.trim() + ' — ' + authorOf(comment);
    mainForm.querySelector('[data-cancel-reply]').hidden = false;
    mainForm.querySelector('textarea').focus();
  });

  /* The author's name as the comment shows it. */
  function authorOf(comment) {
    var author = comment.querySelector('.comment-author');
    return author ? author.textContent.trim() : '';
  }

  /* Quoting a selected passage. */
  var quoteButton = section.querySelector('[data-quote-button]');
  var pending = null;
  function sourceOf(node) {
    var element = node.nodeType === 1 ? node : node.parentNode;
    var body = element && element.closest('.article-body, .comment-body');
    if (!body) {
      return null;
    }
    if (body.classList.contains('article-body')) {
      return { name: '« ' + section.getAttribute('data-article-title') + ' »', id: null };
    }
    var comment = body.closest('article');
    var anchor = comment && comment.closest('[id^="comment-"]');
    var id = anchor ? /^comment-(\d+)$/.exec(anchor.id) : null;
    return { name: authorOf(comment), id: id ? id[1] : null };
  }
  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    var passage = selection ? selection.toString().trim() : '';
    var source = passage && selection.rangeCount ? sourceOf(selection.getRangeAt(0).commonAncestorContainer) : null;
    if (!quoteButton || !mainForm || !source) {
      if (quoteButton && document.activeElement !== quoteButton) {
        quoteButton.hidden = true;
      }
      pending = null;
      return;
    }
    pending = { passage: passage, source: source };
    var rect = selection.getRangeAt(0).getBoundingClientRect();
    quoteButton.style.top = window.scrollY + rect.bottom + 6 + 'px';
    quoteButton.style.left = window.scrollX + Math.max(rect.left, 8) + 'px';
    quoteButton.hidden = false;
  });
  if (quoteButton) {
    quoteButton.addEventListener('mousedown', function (event) {
      event.preventDefault(); /* keep the selection */
    });
    quoteButton.addEventListener('click', function () {
      if (!pending) {
        return;
      }
      var area = mainForm.querySelector('textarea');
      var quote = pending.passage.split(/\r?\n/).filter(function (line) {
        return line.trim() !== '';
      }).map(function (line) {
        return '> ' + line.trim();
      }).join('\n') + '\n> — ' + pending.source.name + '\n\n';
      if (pending.source.id) {
        // The quoted comment's author hears of it, if they subscribed to replies.
        var quoted = mainForm.querySelector('[data-quoted]');
        var ids = quoted.value ? quoted.value.split(',') : [];
        if (ids.indexOf(pending.source.id) < 0) {
          ids.push(pending.source.id);
          quoted.value = ids.join(',');
        }
      }
      var start = area.selectionStart || 0;
      var before = area.value.slice(0, start);
      if (before && !/\n\n$/.test(before)) {
        before += before.endsWith('\n') ? '\n' : '\n\n';
      }
      area.value = before + quote + area.value.slice(area.selectionEnd || start);
      area.dispatchEvent(new Event('input'));
      quoteButton.hidden = true;
      pending = null;
      area.focus();
      area.selectionStart = area.selectionEnd = (before + quote).length;
    });
  }

  /* Posting without reloading. */
  function threads() {
    return document.getElementById('comment-threads');
  }
  function loadThreads(url) {
    return fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html;
        return holder.querySelector('#comment-threads');
      });
  }
  function send(form) {
    return fetch(form.action, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      body: new URLSearchParams(new FormData(form))
    }).then(function (response) {
      return response.json().then(function (json) {
        json.status = response.status;
        return json;
      });
    });
  }
  /*
   * Puts the thread holding a new comment in the page without losing the threads already shown
   * (several pages may be, after "Afficher plus de commentaires"): the thread replaces its old
   * version if it is shown; a new thread goes first (newest first) or last (other orders).
   */
  function placeThread(fresh, anchor) {
    var current = threads();
    var list = current.querySelector('.comment-list');
    var mine = fresh.querySelector('#' + anchor);
    var thread = mine;
    while (thread && !(thread.parentNode && thread.parentNode.classList &&
        thread.parentNode.classList.contains('comment-list'))) {
      thread = thread.parentNode;
    }
    if (!list || !thread) {
      current.replaceWith(fresh);
      return;
    }
    var shown = document.getElementById(thread.id);
    if (shown && shown.parentNode === list) {
      list.replaceChild(thread, shown);
    } else if (fresh.getAttribute('data-sort') === 'newest') {
      list.insertBefore(thread, list.firstChild);
    } else {
      list.appendChild(thread);
    }
  }

  section.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute('data-comment-form')) {
      event.preventDefault();
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      showMessage(form, [text('sending')], 'pending');
      token()
        .then(function () {
          return send(form);
        })
        .then(function (answer) {
          if (!answer.ok) {
            var messages = [];
            Object.keys(answer.errors || {}).forEach(function (field) {
              messages = messages.concat(answer.errors[field]);
            });
            showMessage(form, messages, '');
            return;
          }
          return loadThreads(answer.fragment).then(function (fresh) {
            form.querySelector('textarea').value = '';
            var quotedField = form.querySelector('[data-quoted]');
            if (quotedField) {
              quotedField.value = '';
            }
            form.querySelector('textarea').dispatchEvent(new Event('input'));
            showMessage(form, [answer.held ? text('sent-held') : text('sent')], 'done');
            if (form === mainForm) {
              resetReply();
            }
            placeThread(fresh, answer.anchor);
            if (!answer.held) {
              live.ownPublished(answer.id);
            }
            pressVotes(section);
            fold(section);
            var mine = document.getElementById(answer.anchor);
            if (mine) {
              mine.scrollIntoView({ block: 'center' });
              mine.classList.add('just-posted');
            }
          });
        })
        .catch(function () {
          showMessage(form, [text('network-error')], '');
        })
        .then(function () {
          button.disabled = false;
        });
      return;
    }
    if (form.hasAttribute('data-vote')) {
      // The page's one vote form, posted by a comment's button to that comment's address. A
      // browser that does not say which button: the ordinary post.
      var vote = event.submitter;
      if (!vote || form.hasAttribute('data-plain')) {
        return;
      }
      event.preventDefault();
      token()
        .then(function () {
          var data = new URLSearchParams(new FormData(form));
          // Pressing the button of one's own vote takes the vote back.
          data.set('direction', vote.getAttribute('aria-pressed') === 'true' ? 'none' : vote.value);
          return fetch(vote.formAction, {
            method: 'POST',
            headers: { Accept: 'application/json' },
            credentials: 'same-origin',
            body: data
          });
        })
        .then(function (response) {
          return response.json();
        })
        .then(function (answer) {
          if (answer.ok) {
            var score = vote.parentNode.querySelector('.score');
            score.textContent = score.textContent.replace(/-?\d+/, answer.score);
            var id = /\/comments\/(\d+)\/vote$/.exec(vote.formAction);
            if (id) {
              ownVotes[id[1]] = answer.vote;
              pressVotes(vote.parentNode);
            }
          }
        })
        .catch(function () {
          form.setAttribute('data-plain', '');
          vote.click();
        });
    }
  });

  /*
   * « Aperçu »: the comment as it will look, rendered by the server (the same safe HTML as a
   * published comment), in a box under the form. Nothing is sent for publication.
   */
  function showPreviewButtons(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('[data-preview]'), function (button) {
      button.hidden = false;
    });
  }
  showPreviewButtons(section);
  section.addEventListener('click', function (event) {
    var button = event.target.closest('[data-preview]');
    if (!button) {
      return;
    }
    var form = button.closest('form');
    var box = form.querySelector('[data-preview-box]');
    var body = form.querySelector('textarea[name=body]').value;
    if (!body.trim()) {
      box.textContent = text('preview-empty');
      box.hidden = false;
      return;
    }
    var data = new URLSearchParams();
    data.set('body', body);
    fetch(button.getAttribute('data-preview'), {
      method: 'POST',
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      body: data
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (answer.html !== undefined) {
          box.innerHTML = answer.html;
        } else {
          box.textContent = (answer.errors || []).join(' ');
        }
        box.hidden = false;
      })
      .catch(function () {
        box.textContent = text('network-error');
        box.hidden = false;
      });
  });

  /*
   * « Lire la suite »: a very long comment is shown folded, with a button that unfolds it (and
   * folds it again). Without the script, every comment is shown whole.
   */
  var FOLDED_HEIGHT = 400;
  function fold(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('.comment-body'), function (body) {
      if (body.hasAttribute('data-folded') || body.scrollHeight <= FOLDED_HEIGHT * 1.5) {
        return;
      }
      body.setAttribute('data-folded', '');
      body.id = body.id || 'comment-body-' + Math.random().toString(36).slice(2);
      body.classList.add('folded');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'read-more link-button';
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-controls', body.id);
      button.textContent = text('read-more');
      button.addEventListener('click', function () {
        var open = body.classList.toggle('folded') === false;
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
        button.textContent = text(open ? 'read-less' : 'read-more');
      });
      body.parentNode.insertBefore(button, body.nextSibling);
    });
  }
  fold(section);

  /*
   * The reader's own votes: their button is pressed (aria-pressed), and pressing it again takes the
   * vote back. A page the same for every reader does not know them: they are asked for once, and
   * only by a browser that voted (the tribune_voted cookie).
   */
  var ownVotes = {};
  function pressVotes(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('.vote'), function (pair) {
      var up = pair.querySelector('.vote-up');
      var down = pair.querySelector('.vote-down');
      var id = up && /\/comments\/(\d+)\/vote$/.exec(up.formAction);
      if (!id) {
        return;
      }
      var mine = ownVotes[id[1]] || 0;
      up.setAttribute('aria-pressed', mine === 1 ? 'true' : 'false');
      down.setAttribute('aria-pressed', mine === -1 ? 'true' : 'false');
    });
  }
  if (document.cookie.split('; ').indexOf('tribune_voted=1') >= 0) {
    fetch(section.getAttribute('data-votes'), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store'
    })
      .then(function (response) {
        return response.ok ? response.json() : { votes: {} };
      })
      .then(function (answer) {
        ownVotes = answer.votes || {};
        pressVotes(section);
      })
      .catch(function () {
        pressVotes(section);
      });
  } else {
    pressVotes(section);
  }

  /* "Afficher plus de commentaires". */
  section.addEventListener('click', function (event) {
    var more = event.target.closest('a[data-more]');
    if (!more) {
      return;
    }
    event.preventDefault();
    loadThreads(more.getAttribute('data-more'))
      .then(function (next) {
        var list = threads().querySelector('.comment-list');
        var first = next.querySelector('.comment-list > li');
        Array.prototype.forEach.call(next.querySelectorAll('.comment-list > li'), function (item) {
          // New threads put on top since this page was read push others onto the next page: a
          // thread already shown is not shown twice.
          if (!document.getElementById(item.id)) {
            list.appendChild(item);
          }
        });
        pressVotes(list);
        fold(list);
        var pages = threads().querySelector('.comment-pages');
        var nextPages = next.querySelector('.comment-pages');
        if (pages) {
          pages.remove();
        }
        if (nextPages) {
          var previous = nextPages.querySelector('.previous-comments');
          if (previous) {
            previous.remove();
          }
          threads().appendChild(nextPages);
        }
        if (first) {
          var link = first.querySelector('a.comment-date');
          if (link) {
            link.focus();
          }
        }
      })
      .catch(function () {
        window.location.href = more.href;
      });
  });
  /*
   * A MessageFormat pattern of the site's bundle, formatted as Java does for what the bundle uses:
   * {0}, {0,number,integer} and {0,choice,0#…|1#…|1<…} (nested). The plurals stay in the bundle.
   */
  var numbers = new Intl.NumberFormat(text('locale') || 'fr-FR', { maximumFractionDigits: 0 });
  function formatMessage(pattern, args) {
    var out = '';
    var i = 0;
    while (i < pattern.length) {
      var open = pattern.indexOf('{', i);
      if (open < 0) {
        out += pattern.slice(i);
        break;
      }
      out += pattern.slice(i, open);
      var depth = 0;
      var close = open;
      for (; close < pattern.length; close++) {
        if (pattern.charAt(close) === '{') {
          depth++;
        } else if (pattern.charAt(close) === '}' && --depth === 0) {
          break;
        }
      }
      out += formatArgument(pattern.slice(open + 1, close), args);
      i = close + 1;
    }
    return out;
  }
  function formatArgument(inner, args) {
    var parts = /^\s*(\d+)\s*(?:,\s*(\w+)\s*(?:,([\s\S]*))?)?$/.exec(inner);
    if (!parts) {
      return '';
    }
    var value = args[parseInt(parts[1], 10)];
    if (parts[2] === 'number') {
      return numbers.format(value);
    }
    if (parts[2] === 'choice') {
      return formatMessage(choose(parts[3] || '', value), args);
    }
    return String(value);
  }
  function choose(choices, n) {
    var options = [];
    var depth = 0;
    var start = 0;
    for (var k = 0; k < choices.length; k++) {
      var c = choices.charAt(k);
      if (c === '{') {
        depth++;
      } else if (c === '}') {
        depth--;
      } else if (c === '|' && depth === 0) {
        options.push(choices.slice(start, k));
        start = k + 1;
      }
    }
    options.push(choices.slice(start));
    var chosen = null;
    options.forEach(function (option) {
      var limit = /^\s*(-?\d+(?:\.\d+)?)\s*([#<])/.exec(option);
      if (!limit) {
        return;
      }
      var bound = parseFloat(limit[1]);
      var fits = limit[2] === '<' ? n > bound : n >= bound;
      if (fits || chosen === null) {
        chosen = option.slice(limit[0].length);
      }
    });
    return chosen || '';
  }

  /*
   * New comments while the reader is on the page. The page says what it shows (data-approved,
   * data-newest); the script asks the discussion's state (…/comments/state, the same answer for
   * every reader, kept by the caches) every data-poll seconds, ±20 %, only while the page is
   * visible, less often after errors, and no more after half an hour without the reader doing
   * anything (until they do). When the state shows more, a button says how many; pressing it puts
   * the new threads and replies of the first page (newest first) in place, keeping what the reader
   * is reading where it is on the screen. In another order, or from a later page, it is a link to
   * the newest first.
   */
  var live = (function () {
    var IDLE_MS = 30 * 60 * 1000;
    var LONGEST_WAIT_MS = 10 * 60 * 1000;
    var stateAddress = section.getAttribute('data-state');
    var every = parseFloat(section.getAttribute('data-poll')) || 0;
    var shown = {
      approved: parseInt(section.getAttribute('data-approved'), 10) || 0,
      newest: parseInt(section.getAttribute('data-newest'), 10) || 0
    };
    var button = section.querySelector('[data-new-comments]');
    var link = section.querySelector('[data-new-comments-link]');
    var last = null;
    var timer = null;
    var failures = 0;
    var stopped = false;
    var asleep = false;
    var lastActivity = Date.now();
    if (!stateAddress || !(every > 0) || !button || !link || !window.JSON) {
      return { ownPublished: function () {} };
    }

    function schedule(seconds) {
      clearTimeout(timer);
      timer = setTimeout(poll, seconds * (0.8 + Math.random() * 0.4) * 1000);
    }
    function poll() {
      timer = null;
      if (document.hidden) {
        asleep = true; // polled again when the page shows
        return;
      }
      if (Date.now() - lastActivity > IDLE_MS) {
        stopped = true; // polled again when the reader comes back
        return;
      }
      fetch(stateAddress, {
        headers: { Accept: 'application/json' },
        // No cookie: the same request from every reader, which a shared cache may answer.
        credentials: 'omit'
      })
        .then(function (response) {
          if (response.status === 404) {
            stopped = true; // the article is gone: nothing more to announce
            throw null;
          }
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (state) {
          failures = 0;
          last = { approved: +state.approved || 0, newest: +state.newest || 0 };
          announce();
          schedule(every);
        })
        .catch(function () {
          if (!stopped) {
            failures++;
            schedule(Math.min(every * Math.pow(2, Math.min(failures, 6)), LONGEST_WAIT_MS / 1000));
          }
        });
    }
    function wake() {
      lastActivity = Date.now();
      if ((stopped || asleep) && !document.hidden && !timer) {
        stopped = false;
        asleep = false;
        schedule(Math.min(every, 2));
      }
    }
    document.addEventListener('visibilitychange', wake);
    ['scroll', 'keydown', 'pointerdown', 'focusin'].forEach(function (type) {
      window.addEventListener(type, wake, { passive: true });
    });

    /* How many comments the last state has that the page does not show. */
    function waiting() {
      if (!last) {
        return 0;
      }
      var more = last.approved - shown.approved;
      return more > 0 ? more : last.newest > shown.newest ? 1 : 0;
    }
    function inPlace() {
      var current = threads();
      return current && current.getAttribute('data-sort') === 'newest' &&
        current.getAttribute('data-page') === '1';
    }
    function announce() {
      var count = waiting();
      var here = inPlace();
      var shownOne = here ? button : link;
      var other = here ? link : button;
      other.hidden = true;
      if (!count) {
        shownOne.hidden = true;
        return;
      }
      var label = formatMessage(text(here ? 'new-comments' : 'new-comments-elsewhere'), [count]);
      // Changed only when it changes: the live region reads out each change.
      if (shownOne.textContent !== label) {
        shownOne.textContent = label;
      }
      shownOne.hidden = false;
    }

    /*
     * The element the reader is reading: the first comment (or the heading) not yet scrolled past.
     * Its place on the screen is kept while comments are put above it.
     */
    function readingAnchor() {
      var candidates = [document.getElementById('comments-title')].concat(
        Array.prototype.slice.call(threads().querySelectorAll('article, .comment-removed')));
      for (var i = 0; i < candidates.length; i++) {
        if (candidates[i] && candidates[i].getBoundingClientRect().bottom > 0) {
          return candidates[i];
        }
      }
      return null;
    }

    /*
     * Puts in the page the comments of a fresh first page that it does not show: a new thread
     * after the thread it follows there (or first), a new reply after the reply it follows (or
     * first under its parent). Where each goes is read before anything moves.
     */
    function insert(fresh) {
      var list = threads().querySelector('.comment-list');
      var places = [];
      Array.prototype.forEach.call(fresh.querySelectorAll('li.comment[id^="comment-"]'),
        function (item) {
          if (document.getElementById(item.id)) {
            return;
          }
          var previous = item.previousElementSibling;
          var holder = item.parentNode.closest('li.comment');
          places.push({
            item: item,
            after: previous && previous.id ? previous.id : null,
            parent: holder ? holder.id : null
          });
        });
      var added = [];
      places.forEach(function (place) {
        if (document.contains(place.item)) {
          added.push(place.item); // came with its new parent
          return;
        }
        var after = place.after && document.getElementById(place.after);
        if (after && after.parentNode) {
          after.parentNode.insertBefore(place.item, after.nextSibling);
        } else if (place.parent) {
          var parent = document.getElementById(place.parent);
          if (!parent) {
            return; // a reply in a thread this page does not show
          }
          var replies = parent.querySelector(':scope > ol.replies');
          if (!replies) {
            replies = document.createElement('ol');
            replies.className = 'replies';
            parent.appendChild(replies);
          }
          replies.insertBefore(place.item, replies.firstChild);
        } else {
          list.insertBefore(place.item, list.firstChild);
        }
        added.push(place.item);
      });
      return added;
    }

    button.addEventListener('click', function () {
      var wanted = last;
      if (!inPlace() || !wanted) {
        window.location.href = link.href;
        return;
      }
      var first = stateAddress.replace(/\/state$/, '') + '?sort=newest&cpage=1';
      button.disabled = true;
      loadThreads(first)
        .then(function (fresh) {
          var anchor = readingAnchor();
          var before = anchor ? anchor.getBoundingClientRect().top : 0;
          var added = insert(fresh);
          added.forEach(function (item) {
            pressVotes(item);
            fold(item);
            item.classList.add('just-arrived');
          });
          if (anchor) {
            var moved = anchor.getBoundingClientRect().top - before;
            if (Math.abs(moved) >= 1) {
              window.scrollBy(0, moved);
            }
          }
          shown.approved = Math.max(shown.approved, wanted.approved);
          shown.newest = Math.max(shown.newest, wanted.newest);
          var heading = document.getElementById('comments-title');
          if (heading && text('title')) {
            heading.textContent = formatMessage(text('title'),
              [shown.approved, section.getAttribute('data-article-title')]);
          }
          button.hidden = true;
          // The button is gone: the focus goes to the first new comment (or the heading).
          var focus = added.length ? added[0].querySelector('a.comment-date') : null;
          if (!focus && heading) {
            heading.setAttribute('tabindex', '-1');
            focus = heading;
          }
          if (focus) {
            focus.focus({ preventScroll: true });
          }
          setTimeout(function () {
            added.forEach(function (item) {
              item.classList.remove('just-arrived');
            });
          }, 4000);
        })
        .catch(function () {
          window.location.href = link.href;
        })
        .then(function () {
          button.disabled = false;
        });
    });

    schedule(every);
    return {
      /* The reader's own comment, published and put in place by the script: not news to them. */
      ownPublished: function (id) {
        shown.approved += 1;
        shown.newest = Math.max(shown.newest, +id || 0);
        announce();
      }
    };
  })();
})();
