/* Career Workbook app: ask before a page with unsaved form input is left.

   The kernel decides what is unsaved: a form's box has the class "cw-unsaved" while one of
   its fields differs from what the form showed (career_workbook/widgets/fields.py,
   FormView). This page only looks for that class:

   - on its own links (a step's "Next", "Back to all steps"): a question naming the forms,
     "Leave this page without saving them?"; Cancel stays, with everything typed;
   - when the tab is closed or reloaded: the browser's own question (beforeunload).
   A tab lost with no question at all (a phone throws a tab in the background away; iOS
   fires no beforeunload) loses nothing typed in a text box either: the kernel's page
   script keeps it on the device and brings it back (display.py, DRAFTS_JS).

   A value typed a moment ago may not have reached the kernel yet (a date or number box
   sends it when the box is left): a link then waits until the kernel has marked every
   form typed in a moment ago (or had the time to), so the question names each of them,
   and closing the tab asks anyway.

   Voila stops the page's kernel on "beforeunload", even when the person then chooses to
   stay: the page's other "beforeunload" listeners run on "pagehide" instead, once the page
   is really left, so a page kept open keeps its kernel (and its forms keep saving).
   Defines window.cwUnsaved(), which the kernel's own script for JupyterLab
   (career_workbook/widgets/display.py, UNSAVED_JS) then leaves alone. Put in every page's
   head by index.html.j2, before any other script (a Jinja include: no template syntax in
   here). */
(function () {
  'use strict';
  var FORM = '.cw-form', UNSAVED = '.cw-unsaved';
  var SETTLE_MS = 1500;  // how long the kernel may take to mark a form after an edit
  var typed = 0;         // when an input of a form last changed on this page
  var pending = null;    // the input being typed into, its value maybe not sent yet
  var touched = new Map();  // each form typed in: when an input of it last changed
  var leaving = false;   // the person said to leave

  function inForm(node) { return node && node.closest ? node.closest(FORM) : null; }
  function marked() { return document.querySelector(UNSAVED) !== null; }
  function typing() {  // a box still being typed into (a rebuilt form's box is gone)
    if (pending !== null && !pending.isConnected) { pending = null; }
    return pending !== null;
  }
  function recent() { return typing() || Date.now() - typed < SETTLE_MS; }
  function unmarked() {  // a form typed in a moment ago that the kernel has not marked yet
    var now = Date.now(), found = false;
    touched.forEach(function (when, form) {
      if (!form.isConnected || now - when >= SETTLE_MS) { touched.delete(form); }
      else if (!form.matches(UNSAVED)) { found = true; }
    });
    return found;
  }
  function note(target) {
    var form = inForm(target);
    if (form) { typed = Date.now(); touched.set(form, typed); }
    return form;
  }

  window.cwUnsaved = function () { return marked() || typing(); };

  document.addEventListener('input', function (event) {
    if (note(event.target)) { pending = event.target; }
  }, true);
  document.addEventListener('change', function (event) {
    if (note(event.target) && pending === event.target) { pending = null; }
  }, true);
  document.addEventListener('focusout', function (event) {  // left, even unchanged: its
    if (pending === event.target) { pending = null; }      // value (if any) is sent
  }, true);

  function question() {
    var names = [];
    document.querySelectorAll(UNSAVED).forEach(function (form) {
      var title = form.querySelector('.cw-form-title');
      if (title && title.textContent.trim()) { names.push('“' + title.textContent.trim() + '”'); }
    });
    var where = names.length ? ' in ' + names.join(', ') : ' on this page';
    return 'You have unsaved changes' + where + '. Leave this page without saving them?\n\n' +
      'Cancel to stay and press the form’s Save button first.';
  }

  // resolves once the kernel has marked every form typed in a moment ago (not only the
  // first one marked), or had the time to; the box still typed in is left first (which
  // sends its value)
  function settled() {
    var active = document.activeElement;
    if (typing() && active && inForm(active)) { active.blur(); }
    return new Promise(function (resolve) {
      (function look() {
        if (!typing() && !unmarked()) { resolve(); } else { setTimeout(look, 50); }
      })();
    });
  }

  function leavesPage(link, event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey || link.hasAttribute('download')) { return false; }
    var target = link.getAttribute('target');
    if (target && target !== '_self') { return false; }  // another tab: this page stays
    var to = new URL(link.href, location.href), here = new URL(location.href);
    if (to.protocol === 'javascript:') { return false; }
    to.hash = ''; here.hash = '';
    return !(to.href === here.href && link.hash);  // a jump within the page stays
  }

  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href]') : null;
    if (leaving || !link || !leavesPage(link, event) || !(marked() || recent())) { return; }
    event.preventDefault();
    settled().then(function () {
      if (marked() && !window.confirm(question())) { return; }
      leaving = true;
      location.assign(link.href);
    });
  }, true);

  // the page's other "beforeunload" listeners (Voila's kernel shutdown) run on "pagehide"
  var add = window.addEventListener, remove = window.removeEventListener, later = [];
  function guard(event) {
    if (leaving || !window.cwUnsaved()) { return; }
    event.preventDefault();
    event.returnValue = '';  // the browser asks in its own words
  }
  window.addEventListener = function (type, listener) {
    if ((this == null || this === window) && type === 'beforeunload' && listener !== guard) {
      if (listener && later.indexOf(listener) < 0) { later.push(listener); }
      return undefined;
    }
    return add.apply(this, arguments);
  };
  window.removeEventListener = function (type, listener) {
    var i = type === 'beforeunload' ? later.indexOf(listener) : -1;
    if ((this == null || this === window) && i >= 0) { later.splice(i, 1); return undefined; }
    return remove.apply(this, arguments);
  };
  add.call(window, 'beforeunload', guard);
  add.call(window, 'pagehide', function (event) {
    later.splice(0).forEach(function (listener) {
      try {
        if (typeof listener === 'function') { listener.call(window, event); }
        else { listener.handleEvent(event); }
      } catch (err) {
        console.error(err);
      }
    });
  });
})();
