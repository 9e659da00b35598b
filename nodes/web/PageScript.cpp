#include "PageScript.hpp"

#include "engine/Json.hpp"

namespace taskloom::nodes::web::PageScript {

namespace {

QString jsString(const QString& s)
{
    return QString::fromUtf8(engine::Json::serialize(engine::Value(s)));
}

// The helpers every node uses. Each returns a plain object; {nomatch: true} means the selector found nothing,
// so the node can name the selector and the page in its error.
const char* library = R"JS(
var __tl = (function () {
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function text(el) { return ((el.innerText !== undefined && el.innerText !== '' ? el.innerText : el.textContent) || '').replace(/\s+/g, ' ').trim(); }
  function isUrlAttr(a) { return ['href', 'src', 'action', 'poster', 'cite'].indexOf(a.toLowerCase()) >= 0; }
  function attr(el, a) {
    if (!el.hasAttribute(a)) return null;
    if (isUrlAttr(a) && el[a] !== undefined && typeof el[a] === 'string') return el[a];
    return el.getAttribute(a);
  }
  function visible(el) {
    var r = el.getBoundingClientRect(), s = window.getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  }
  function value(el, what, a) {
    if (what === 'html') return el.innerHTML;
    if (what === 'outerHtml') return el.outerHTML;
    if (what === 'attribute') return attr(el, a);
    if (what === 'value') return el.value === undefined ? null : el.value;
    return text(el);
  }
  function pick(list, index) {
    if (!list.length) return null;
    return index < 0 ? list[list.length + index] || null : list[index] || null;
  }
  function fire(el, type) { el.dispatchEvent(new Event(type, {bubbles: true})); }
  function setValue(el, v) {
    var proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype
              : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    var d = Object.getOwnPropertyDescriptor(proto, 'value');
    if (d && d.set && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement))
      d.set.call(el, v);
    else if (el.isContentEditable) el.textContent = v;
    else throw new Error('the element <' + el.tagName.toLowerCase() + '> takes no text');
  }
  function key(el, k, type) {
    el.dispatchEvent(new KeyboardEvent(type, {key: k, code: k, bubbles: true, cancelable: true}));
  }
  return {
    count: function (a) {
      var list = all(a.selector);
      return {count: list.length, visible: list.filter(visible).length};
    },
    click: function (a) {
      var el = pick(all(a.selector), a.index);
      if (!el) return {nomatch: true};
      el.scrollIntoView({block: 'center', inline: 'center'});
      if (el.disabled) throw new Error('the element is disabled');
      el.click();
      return {tag: el.tagName.toLowerCase(), text: text(el).slice(0, 200)};
    },
    type: function (a) {
      var el = pick(all(a.selector), a.index);
      if (!el) return {nomatch: true};
      el.scrollIntoView({block: 'center'});
      el.focus();
      var v = a.clear ? a.text : (el.isContentEditable ? el.textContent : (el.value || '')) + a.text;
      setValue(el, v);
      fire(el, 'input');
      fire(el, 'change');
      if (a.enter) {
        key(el, 'Enter', 'keydown');
        key(el, 'Enter', 'keyup');
        if (el.form) {
          if (el.form.requestSubmit) el.form.requestSubmit(); else el.form.submit();
        }
      }
      return {value: el.isContentEditable ? el.textContent : el.value};
    },
    select: function (a) {
      var el = pick(all(a.selector), a.index);
      if (!el) return {nomatch: true};
      if (!(el instanceof HTMLSelectElement)) throw new Error('the element <' + el.tagName.toLowerCase() + '> is not a <select>');
      var opts = Array.prototype.slice.call(el.options), chosen = [], missing = [];
      if (!el.multiple && a.values.length > 1) throw new Error('the list takes one option, ' + a.values.length + ' were given');
      a.values.forEach(function (want) {
        var o = opts.filter(function (o) { return a.by === 'label' ? o.label.trim() === want || o.text.trim() === want : o.value === want; })[0];
        if (o) chosen.push(o); else missing.push(want);
      });
      if (missing.length)
        return {missing: missing, available: opts.map(function (o) { return a.by === 'label' ? o.text.trim() : o.value; })};
      opts.forEach(function (o) { o.selected = chosen.indexOf(o) >= 0; });
      fire(el, 'input');
      fire(el, 'change');
      return {selected: chosen.map(function (o) { return {value: o.value, label: o.text.trim()}; })};
    },
    extract: function (a) {
      var roots = a.itemSelector ? all(a.itemSelector) : [document.documentElement];
      if (!roots.length) return {nomatch: true, selector: a.itemSelector};
      var missing = {};
      var rows = roots.map(function (root) {
        var row = {};
        if (!a.fields.length) { row.text = text(root); return row; }
        a.fields.forEach(function (f) {
          var found = f.selector ? all(f.selector, root) : [root];
          if (!found.length) { row[f.key] = f.all ? [] : null; missing[f.key] = (missing[f.key] || 0) + 1; return; }
          row[f.key] = f.all ? found.map(function (el) { return value(el, f.value, f.attribute); }) : value(found[0], f.value, f.attribute);
        });
        return row;
      });
      return {rows: rows, missing: missing};
    },
    table: function (a) {
      var t = all(a.selector)[a.index || 0];
      if (!t) return {nomatch: true, selector: a.selector};
      if (t.tagName.toLowerCase() !== 'table') t = t.querySelector('table') || t;
      var trs = Array.prototype.slice.call(t.querySelectorAll('tr'));
      var header = null, rows = [];
      trs.forEach(function (tr) {
        var cells = Array.prototype.slice.call(tr.children).filter(function (c) { return /^t[hd]$/i.test(c.tagName); });
        if (!cells.length) return;
        var isHead = !header && (tr.parentElement.tagName.toLowerCase() === 'thead' || cells.every(function (c) { return c.tagName.toLowerCase() === 'th'; }));
        if (isHead && a.header) {
          var seen = {};
          header = cells.map(function (c, i) {
            var n = text(c) || ('column ' + (i + 1));
            if (seen[n]) n = n + ' ' + (i + 1);
            seen[n] = true;
            return n;
          });
          return;
        }
        var row = {};
        cells.forEach(function (c, i) { row[header && header[i] ? header[i] : 'column ' + (i + 1)] = text(c); });
        rows.push(row);
      });
      return {rows: rows};
    },
    rect: function (a) {
      var el = pick(all(a.selector), a.index || 0);
      if (!el) return {nomatch: true};
      el.scrollIntoView({block: 'start', inline: 'start'});
      var r = el.getBoundingClientRect();
      return {x: r.left, y: r.top, width: r.width, height: r.height};
    },
    pageSize: function () {
      var d = document.documentElement, b = document.body || d;
      return {width: Math.max(d.scrollWidth, b.scrollWidth), height: Math.max(d.scrollHeight, b.scrollHeight)};
    },
    frames: function () {
      return new Promise(function (resolve) {
        requestAnimationFrame(function () { requestAnimationFrame(function () { resolve(true); }); });
      });
    },
    href: function (a) {
      var el = pick(all(a.selector), a.index || 0);
      if (!el) return {nomatch: true};
      return {href: el.href || el.src || el.getAttribute('href') || null};
    }
  };
})();
)JS";

} // namespace

QString wrap(const QString& body, const QString& pendingKey)
{
    // `new Function` turns a syntax error into an exception we can report; the result travels as JSON text so
    // key order and numbers survive the trip.
    return QStringLiteral(R"JS((function () {
  function fail(e) { return JSON.stringify({ok: false, error: (e && e.name && e.message !== undefined) ? e.name + ': ' + e.message : String(e)}); }
  function done(v) {
    try { return JSON.stringify({ok: true, value: v === undefined ? null : v}); } catch (e) { return fail(e); }
  }
  try {
    var v = (new Function(%1))();
    if (v && typeof v.then === 'function') {
      var k = %2;
      window[k] = null;
      v.then(function (r) { window[k] = done(r); }, function (e) { window[k] = fail(e); });
      return JSON.stringify({pending: k});
    }
    return done(v);
  } catch (e) { return fail(e); }
})())JS")
        .arg(jsString(body), jsString(pendingKey));
}

QString pendingProbe(const QString& pendingKey)
{
    return QStringLiteral("(function () { var k = %1, v = window[k]; if (v === null || v === undefined) return null; "
                          "delete window[k]; return v; })()")
        .arg(jsString(pendingKey));
}

QString call(const QString& function, const engine::Object& args)
{
    return QString::fromUtf8(library) + QStringLiteral("\nreturn __tl.%1(%2);")
                                            .arg(function, QString::fromUtf8(engine::Json::serialize(engine::Value(args))));
}

} // namespace taskloom::nodes::web::PageScript
