// Timing shared by the Chromium page (page.js) and the Node run (node-speed.mjs): every row warms up
// first, then is measured in several interleaved rounds, and the median round is reported.
//
// Why: V8 compiles WebAssembly twice (Liftoff at once, TurboFan in the background once a function is hot)
// and JS (ajv) several times; a row timed before its tier-up measured 756 µs where the same code warm gives
// 189 µs. Rows are interleaved round by round so that a slow moment of the shared machine hits all of them.

/** The time of one call of `fn` in ms: the mean over as many calls as fit in `ms`. */
function once(fn, ms) {
  let n = 0;
  const start = performance.now();
  let now = start;
  do { fn(); n++; now = performance.now(); } while (now - start < ms);
  return (now - start) / n;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Times each row of `rows` ({name: fn}). Each row first runs for `warmMs` (all rows, so that every engine
 * tier is reached), then `rounds` rounds each time every row for `ms`. Returns, per row, the median, the
 * least and the greatest round in ms per call, and the ratio of two rows round by round (`ratios`:
 * {name: [a, b]} gives the median of a/b over the rounds).
 */
export function measure(rows, { warmMs = 1000, rounds = 7, ms = 300, ratios = {} } = {}) {
  const names = Object.keys(rows);
  for (const name of names) once(rows[name], warmMs);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    // Alternate the order each round: no row always runs right after the same other one.
    const order = r % 2 ? [...names].reverse() : names;
    for (const name of order) samples[name].push(once(rows[name], ms));
  }
  const result = {};
  for (const name of names) {
    const s = samples[name];
    result[name] = { median: median(s), min: Math.min(...s), max: Math.max(...s) };
  }
  const ratio = {};
  for (const [key, [a, b]] of Object.entries(ratios)) {
    ratio[key] = median(samples[a].map((x, i) => x / samples[b][i]));
  }
  return { rows: result, ratio, rounds, warmMs, ms };
}

// Ratios taken round by round (the median of each round's ratio).
export const RATIOS = {
  dxer_text_vs_ajv_parse_and_validate: ['dxer_text', 'ajv_parse_and_validate'],
  dxer_text_vs_ajv_object: ['dxer_text', 'ajv_object'],
  dxer_object_vs_ajv_object: ['dxer_object', 'ajv_object'],
  dxer_object_vs_ajv_parse_and_validate: ['dxer_object', 'ajv_parse_and_validate'],
  dxer_object_vs_stringified: ['dxer_object', 'dxer_object_stringified'],
};

/**
 * dxer (`validate`) and ajv (a compiled `check`) on the same records, in the same run: µs per record for
 * each row (median, min, max over the rounds) and the ratios of `RATIOS`. `dxer_object_stringified` is
 * `validate(JSON.stringify(object))`, the object path before objects were read straight into the model.
 */
export function compare(dxer, check, texts, objects, timing = {}) {
  const batch = (f) => () => { for (let i = 0; i < texts.length; i++) f(i); };
  const m = measure({
    dxer_text: batch((i) => dxer.validate(texts[i])),
    dxer_object: batch((i) => dxer.validate(objects[i])),
    dxer_object_stringified: batch((i) => dxer.validate(JSON.stringify(objects[i]))),
    ajv_parse_and_validate: batch((i) => check(JSON.parse(texts[i]))),
    ajv_object: batch((i) => check(objects[i])),
  }, { ...timing, ratios: RATIOS });
  const perRecord = (ms) => (ms / texts.length) * 1000;
  const rows = {};
  for (const [name, r] of Object.entries(m.rows)) {
    rows[name] = { median: perRecord(r.median), min: perRecord(r.min), max: perRecord(r.max) };
  }
  return { ...m, rows };
}
