// The Desk's keyboard shortcuts and "select all" box. Everything here is an extra: every page works
// without it. One listener on the document reads the page at the moment of each key, so it keeps
// working after Blazor's enhanced navigation and htmx swaps replace parts of the page.
(() => {
  'use strict';
  if (window.rapportDesk) return;
  window.rapportDesk = true;

  const queues = { m: '/desk/queues/mine', t: '/desk/queues/team', u: '/desk/queues/unassigned', a: '/desk/queues/all' };
  const shortcuts = [
    ['j', 'Next ticket in the list'],
    ['k', 'Previous ticket in the list'],
    ['x', 'Select or unselect the ticket'],
    ['Enter or o', 'Open the ticket'],
    ['/', 'Search the subjects'],
    ['g then m', 'My work'],
    ['g then t', 'My teams'],
    ['g then u', 'Unassigned'],
    ['g then a', 'All I may see'],
    ['?', 'Show or hide these shortcuts'],
  ];
  let awaitingQueue = null;

  const onDesk = () => location.pathname === '/desk' || location.pathname.startsWith('/desk/');
  const rows = () => Array.from(document.querySelectorAll('table.queue tbody tr'));
  const currentRow = () => document.querySelector('table.queue tbody tr.current');

  // Keys are for typing while the focus is in a field; shortcuts never take them from there.
  function isTyping(target) {
    if (!(target instanceof Element)) return false;
    if (target.isContentEditable || target.closest('[contenteditable=""], [contenteditable="true"]')) return true;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
    return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }

  function moveTo(row) {
    if (!row) return;
    const previous = currentRow();
    if (previous) previous.classList.remove('current');
    row.classList.add('current');
    const link = row.querySelector('a.ticket-link');
    // Focus on the subject's link: screen readers read the ticket, and Enter opens it as any link does.
    if (link) link.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  }

  function step(by) {
    const all = rows();
    if (all.length === 0) return;
    const index = all.indexOf(currentRow());
    const next = index < 0 ? (by > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, index + by));
    moveTo(all[next]);
  }

  function toggleCurrent() {
    const row = currentRow();
    const box = row && row.querySelector('input[type=checkbox][name=ticket]');
    if (box) box.click();
  }

  function openCurrent() {
    const link = currentRow()?.querySelector('a.ticket-link');
    if (link) link.click();
  }

  function help() {
    let dialog = document.getElementById('desk-shortcuts');
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.id = 'desk-shortcuts';
      dialog.className = 'shortcuts';
      dialog.setAttribute('aria-labelledby', 'desk-shortcuts-title');
      const title = document.createElement('h2');
      title.id = 'desk-shortcuts-title';
      title.textContent = 'Keyboard shortcuts';
      const list = document.createElement('dl');
      for (const [keys, meaning] of shortcuts) {
        const dt = document.createElement('dt');
        keys.split(' ').forEach(word => {
          if (word === 'or' || word === 'then') {
            dt.append(` ${word} `);
          } else {
            const kbd = document.createElement('kbd');
            kbd.textContent = word;
            dt.append(kbd);
          }
        });
        const dd = document.createElement('dd');
        dd.textContent = meaning;
        list.append(dt, dd);
      }
      const note = document.createElement('p');
      note.className = 'hint';
      note.textContent = 'Shortcuts wait while you type in a field. Esc closes this.';
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'secondary';
      close.textContent = 'Close';
      close.addEventListener('click', () => dialog.close());
      dialog.append(title, list, note, close);
      document.body.append(dialog);
    }
    if (dialog.open) dialog.close(); else dialog.showModal();
  }

  document.addEventListener('keydown', event => {
    if (!onDesk() || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (document.getElementById('desk-shortcuts')?.open && event.key !== '?') return;

    if (awaitingQueue) {
      clearTimeout(awaitingQueue);
      awaitingQueue = null;
      if (queues[event.key]) {
        event.preventDefault();
        location.assign(queues[event.key]);
      }
      return;
    }

    const onControl = event.target instanceof Element && event.target.closest('a, button, summary, input, select, textarea');
    switch (event.key) {
      case 'j': event.preventDefault(); step(1); break;
      case 'k': event.preventDefault(); step(-1); break;
      case 'x': event.preventDefault(); toggleCurrent(); break;
      case 'o': event.preventDefault(); openCurrent(); break;
      case 'Enter':
        // On a link or button Enter already does what it says.
        if (!onControl && currentRow()) { event.preventDefault(); openCurrent(); }
        break;
      case '/': {
        const search = document.getElementById('q');
        if (search) { event.preventDefault(); search.focus(); search.select(); }
        break;
      }
      case 'g':
        event.preventDefault();
        awaitingQueue = setTimeout(() => { awaitingQueue = null; }, 1500);
        break;
      case '?': event.preventDefault(); help(); break;
    }
  });

  // What needs this script ("select all", the hint about shortcuts) shows itself only when it runs.
  function enhance() {
    document.querySelectorAll('[data-with-script][hidden]').forEach(element => { element.hidden = false; });
    // The forms of a part marked data-boost-forms post through htmx and update that part in place;
    // its links stay ordinary links (they lead to other pages).
    document.querySelectorAll('[data-boost-forms] form:not([hx-boost])').forEach(form => {
      form.setAttribute('hx-boost', 'true');
      if (window.htmx) window.htmx.process(form);
    });
    sync();
  }

  function sync() {
    const all = document.getElementById('select-all');
    if (!all) return;
    const boxes = Array.from(document.querySelectorAll('table.queue input[type=checkbox][name=ticket]'));
    const ticked = boxes.filter(b => b.checked).length;
    all.checked = boxes.length > 0 && ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }

  document.addEventListener('change', event => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    if (target.id === 'select-all') {
      document.querySelectorAll('table.queue input[type=checkbox][name=ticket]').forEach(b => { b.checked = target.checked; });
    } else if (target.name === 'ticket') {
      sync();
    }
  });

  // A click on a row's box also makes that row the current one, so j and k go on from there.
  document.addEventListener('click', event => {
    const box = event.target instanceof HTMLInputElement && event.target.name === 'ticket' ? event.target : null;
    const row = box?.closest('table.queue tbody tr');
    if (row && !row.classList.contains('current')) {
      currentRow()?.classList.remove('current');
      row.classList.add('current');
    }
  });

  // A form that posts back to its page was drawn with the page's address; htmx may have changed the
  // filter, order or page in the address bar since. Post to the address as it is now.
  document.addEventListener('submit', event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method !== 'post' || !onDesk()) return;
    const action = new URL(form.action, location.href);
    if (action.pathname === location.pathname && action.search !== location.search) {
      form.action = location.pathname + location.search;
    }
  }, true);

  // A fragment request that ended somewhere else (signed out meanwhile: the sign-in page) is not the
  // fragment: go there as a whole page instead of putting that page inside this one.
  document.addEventListener('htmx:beforeSwap', event => {
    const asked = event.detail.requestConfig && event.detail.requestConfig.path;
    const answered = event.detail.xhr && event.detail.xhr.responseURL;
    if (answered && asked && new URL(answered).pathname !== new URL(asked, location.href).pathname) {
      event.preventDefault();
      location.assign(answered);
    }
  });

  document.addEventListener('htmx:afterSwap', enhance);
  document.addEventListener('DOMContentLoaded', enhance);
  if (document.readyState !== 'loading') enhance();

  // Enhanced navigation puts new pages in place without a load: htmx must look at them again.
  if (window.Blazor) {
    window.Blazor.addEventListener('enhancedload', () => {
      if (window.htmx) window.htmx.process(document.body);
      enhance();
    });
  }
})();
