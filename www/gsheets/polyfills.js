// @ts-check
// What wasm-bindgen's glue needs and Apps Script's V8 lacks: TextEncoder and TextDecoder
// (UTF-8 only, which is all the glue uses) and crypto.getRandomValues (asked for by a
// dependency's random seed; Math.random is enough there: nothing secret is made). Each is
// installed only when missing, so the same bundle runs unchanged where they exist.
// Stand-ins are installed on a bare global, where the DOM types do not hold: typed loosely.
/** @type {any} */
const g = globalThis;

if (typeof g.TextEncoder === 'undefined') {
  class TextEncoder {
    get encoding() { return 'utf-8'; }

    encode(input = '') {
      const s = String(input);
      const out = new Uint8Array(s.length * 3);
      const { written } = this.encodeInto(s, out);
      return out.slice(0, written);
    }

    /** Writes UTF-8 into `view` as far as whole characters fit; lone surrogates become U+FFFD. */
    encodeInto(input, view) {
      const s = String(input);
      let read = 0;
      let written = 0;
      const n = view.length;
      for (let i = 0; i < s.length; i++) {
        let c = s.charCodeAt(i);
        let units = 1;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            units = 2;
          } else c = 0xfffd;
        } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (written + size > n) break;
        if (size === 1) view[written++] = c;
        else if (size === 2) {
          view[written++] = 0xc0 | (c >> 6);
          view[written++] = 0x80 | (c & 0x3f);
        } else if (size === 3) {
          view[written++] = 0xe0 | (c >> 12);
          view[written++] = 0x80 | ((c >> 6) & 0x3f);
          view[written++] = 0x80 | (c & 0x3f);
        } else {
          view[written++] = 0xf0 | (c >> 18);
          view[written++] = 0x80 | ((c >> 12) & 0x3f);
          view[written++] = 0x80 | ((c >> 6) & 0x3f);
          view[written++] = 0x80 | (c & 0x3f);
        }
        read += units;
        if (units === 2) i++;
      }
      return { read, written };
    }
  }
  g.TextEncoder = TextEncoder;
}

if (typeof g.TextDecoder === 'undefined') {
  class TextDecoder {
    constructor(label = 'utf-8', options = {}) {
      const l = String(label).toLowerCase();
      if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') throw new RangeError(`TextDecoder: only utf-8 is available, not ${label}`);
      this.ignoreBOM = Boolean(options.ignoreBOM);
      this.fatal = Boolean(options.fatal);
    }

    get encoding() { return 'utf-8'; }

    /** Decodes UTF-8; an invalid sequence becomes U+FFFD (or throws when `fatal`). */
    decode(input) {
      if (input === undefined) return '';
      const b = input instanceof Uint8Array ? input
        : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
          : new Uint8Array(input);
      let i = 0;
      if (!this.ignoreBOM && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
      const parts = [];
      let units = [];
      const bad = () => {
        if (this.fatal) throw new TypeError('The encoded data was not valid utf-8');
        units.push(0xfffd);
      };
      while (i < b.length) {
        const c = b[i];
        let need;
        let cp;
        let min;
        if (c < 0x80) { units.push(c); i++; } else {
          if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; min = 0x80; } else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; min = 0x800; } else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; min = 0x10000; } else { bad(); i++; continue; }
          let j = 1;
          for (; j <= need; j++) {
            const d = b[i + j];
            if (d === undefined || (d & 0xc0) !== 0x80) break;
            cp = (cp << 6) | (d & 0x3f);
          }
          if (j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) { bad(); i += Math.max(1, j); continue; }
          i += need + 1;
          if (cp >= 0x10000) {
            cp -= 0x10000;
            units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
          } else units.push(cp);
        }
        if (units.length >= 8192) { parts.push(String.fromCharCode.apply(null, units)); units = []; }
      }
      parts.push(String.fromCharCode.apply(null, units));
      return parts.join('');
    }
  }
  g.TextDecoder = TextDecoder;
}

if (typeof g.crypto === 'undefined' || typeof g.crypto.getRandomValues !== 'function') {
  g.crypto = {
    getRandomValues(array) {
      for (let i = 0; i < array.length; i++) array[i] = Math.floor(Math.random() * 256);
      return array;
    },
  };
}
