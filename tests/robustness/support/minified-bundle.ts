/**
 * A minified production bundle of at least `size` characters on a single line, generated
 * deterministically (seeded): a webpack-style module map of many small minified modules
 * (helpers, fetch wrappers, render functions, prototype classes, parsers, module-level
 * streams that are fine), with, at fixed module numbers, modules that open a stream per
 * element or reconnect without limit. The generator records where each of those must be
 * reported, so a test can compare every finding, not just a count.
 */
import type { Finding } from './lint-with-plugin.js';

export interface MinifiedBundle {
  code: string;
  expected: Finding[];
}

/** Every this many modules, one that the rules must report. */
const FINDING_EVERY = 4_000;
const FIRST_FINDING_AT = 137;

/** mulberry32: a tiny seeded generator, so that every run lints the same bytes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['user', 'order', 'cart', 'price', 'stock', 'feed', 'item', 'row', 'page', 'tab', 'menu', 'list'];

/** The body of a module that the rules have nothing to say about. */
type PlainModule = (word: string, k: number) => string;

const PLAIN_MODULES: readonly PlainModule[] = [
  (word, k) => `n.d(t,{Z:()=>r});function r(e,t){return e.filter(function(n){return n!==t}).map(function(n){return n*${k}+"${word}"})}`,
  (word) =>
    `var r=function(){function e(t){this.t=t,this.n=[]}return e.prototype.add=function(t){this.n.push(t),this.t&&this.t("${word}",t)},e.prototype.size=function(){return this.n.length},e}();t.default=r`,
  (word) =>
    `async function r(e){const t=await fetch("/api/${word}/"+e,{headers:{Accept:"application/json"}});if(!t.ok)throw new Error(t.statusText);return t.json()}t.load=r`,
  (word) =>
    `var o=n(3);function r(e){var t=e.items;return o.createElement("ul",{className:"${word}"},t.map(function(n){return o.createElement("li",{key:n.id},n.name)}))}t.render=r`,
  (_word, k) =>
    `function r(e){for(var t=0,n=0;n<e.length;n++)switch(e.charCodeAt(n)){case 10:t++;break;case ${k}:break;default:t+=/[a-z]/i.test(e[n])?2:1}return t}t.count=r`,
  (word, k) => `const r=e=>\`${word}:\${e?.id??"none"}:\${e?.tags?.[${k % 7}]?.trim?.()??""}\`;t.label=r`,
  // A stream opened once, when the module first runs: fine for every rule.
  (word) =>
    `const r=new EventSource("/events/${word}");r.addEventListener("message",e=>{const t=JSON.parse(e.data);t&&n.emit?.("${word}",t)});t.stream=r`,
];

interface FindingModule {
  body: string;
  /** Where the report starts, as an offset into `body`. */
  at: number;
  ruleId: string;
  messageId: string;
}

function findingModule(kind: number, word: string): FindingModule {
  switch (kind % 3) {
    case 0: {
      const body = `function r(e){for(let t=0;t<e.length;t++){const n=new EventSource("/${word}/"+e[t]);n.onmessage=o}}t.openAll=r`;
      return { body, at: body.indexOf('new EventSource'), ruleId: 'sse/no-eventsource-in-loop', messageId: 'streamInLoop' };
    }
    case 1: {
      const body = `const r=e=>e.map(t=>new EventSource(\`/${word}/\${t}\`));t.streams=r`;
      return { body, at: body.indexOf('new EventSource'), ruleId: 'sse/no-eventsource-in-loop', messageId: 'streamInLoop' };
    }
    default: {
      // Re-opens on every error, a second later, forever: reported at the re-opening reference.
      const body = `function r(){const e=new EventSource("/${word}");e.onerror=()=>{e.close(),setTimeout(r,1e3)}}t.connect=r`;
      return {
        body,
        at: body.indexOf('setTimeout(r') + 'setTimeout('.length,
        ruleId: 'sse/no-unbounded-reconnect',
        messageId: 'unboundedErrorReconnect',
      };
    }
  }
}

const PRELUDE = '!function(){"use strict";var e={';
const EPILOGUE =
  '},t={};function n(r){var o=t[r];if(void 0!==o)return o.exports;var i=t[r]={exports:{}};return e[r](i,i.exports,n),i.exports}n.d=function(e,t){for(var r in t)n.o(t,r)&&!n.o(e,r)&&Object.defineProperty(e,r,{enumerable:!0,get:t[r]})},n.o=function(e,t){return Object.prototype.hasOwnProperty.call(e,t)},n(0)}();\n';

export function minifiedBundle(size: number, seed = 20_260_522): MinifiedBundle {
  const random = seededRandom(seed);
  const parts: string[] = [PRELUDE];
  const expected: Finding[] = [];
  let length = PRELUDE.length;
  for (let index = 0; length < size; index++) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    const k = Math.floor(random() * 1_000);
    const head = `${index === 0 ? '' : ','}${index}:(e,t,n)=>{`;
    let body: string;
    if (index % FINDING_EVERY === FIRST_FINDING_AT) {
      const finding = findingModule(expected.length, word);
      body = finding.body;
      expected.push({
        ruleId: finding.ruleId,
        messageId: finding.messageId,
        line: 1,
        column: length + head.length + finding.at + 1,
      });
    } else {
      body = PLAIN_MODULES[Math.floor(random() * PLAIN_MODULES.length)]!(word, k);
    }
    const module = `${head}${body}}`;
    parts.push(module);
    length += module.length;
  }
  parts.push(EPILOGUE);
  return { code: parts.join(''), expected };
}
