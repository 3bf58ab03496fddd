import { screen } from '../src/domain/consent/checked-text';
import { detectIdentifiers, type DetectOptions } from '../src/domain/identifiers';
import { MESSAGES } from '../test/unit/identifiers/corpus/messages';
import { CORPUS_NOW } from '../test/unit/identifiers/corpus/test-numbers';
import { fmt, summarise } from './stats';

/**
 * The consent gate's detector on 500-character messages (SPEC section 9:
 * median under 50 µs, 99th percentile under 200 µs), and its throughput.
 * Messages are built from the labelled corpus, so the mix is realistic:
 * ordinary talk, names, numbers, addresses, in every group.
 */
function messagesOf500(count: number): string[] {
  const out: string[] = [];
  let k = 0;
  while (out.length < count) {
    let s = '';
    while (s.length < 500) s += (s ? ' ' : '') + MESSAGES[k++ % MESSAGES.length]!.text;
    // As a message reaches the gate: a string of its own, parsed from the activity's JSON (a slice of the corpus text
    // would be a view into a longer string, which every character read has to go through).
    out.push(JSON.parse(JSON.stringify(s.slice(0, 500))) as string);
  }
  return out;
}

export async function runDetectorBench(samples = 20_000) {
  const options: DetectOptions = { now: CORPUS_NOW, switchboardNumbers: ['0512-570 00'], organisationDomains: ['essunga.se'] };
  const texts = messagesOf500(1000);
  let sink = 0;
  // Warm-up: let the JIT settle.
  for (let r = 0; r < 5; r++) for (const t of texts) sink += detectIdentifiers(t, options).length;

  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = texts[i % texts.length]!;
    const start = process.hrtime.bigint();
    sink += detectIdentifiers(t, options).length;
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  const perMessageMicros = summarise(times);

  // Throughput over a long run of messages, timed as a whole.
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const rounds = 20;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) sink += detectIdentifiers(t, options).length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const megabytesPerSecond = (bytes * rounds) / 1e6 / seconds;

  // One 100 KB text in one piece.
  const big = texts.join('\n').slice(0, 100_000);
  const b0 = process.hrtime.bigint();
  sink += detectIdentifiers(big, options).length;
  const big100kMillis = Number(process.hrtime.bigint() - b0) / 1e6;

  // The whole gate reading: canonical form, rendered view, detection (what every message costs).
  for (let r = 0; r < 3; r++) for (const t of texts) sink += screen(t, options).findings.length;
  const screenTimes: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = texts[i % texts.length]!;
    const start = process.hrtime.bigint();
    sink += screen(t, options).findings.length;
    screenTimes.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  const screenMicros = summarise(screenTimes);
  const s0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) sink += screen(t, options).findings.length;
  const screenMegabytesPerSecond = (bytes * rounds) / 1e6 / (Number(process.hrtime.bigint() - s0) / 1e9);

  // Linear on adversarial input: the time for 100 KB over the time for 10 KB of the same pattern (10 is linear).
  const adversarial: Record<string, number> = {};
  const patterns: Record<string, string> = {
    digits: '110203 -\u200b4822/ ',
    entities: '&#49;&amp;#45;<b>1</b>&nbsp;',
    names: 'Ella Berg i 7C vars ',
    markup: '1**2**_3_~4~`5` ',
  };
  for (const [name, unit] of Object.entries(patterns)) {
    // The fastest of many runs: the least disturbed by the machine's other work.
    const at = (n: number, repeats: number) => {
      const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      for (let r = 0; r < 3; r++) sink += screen(text, options).findings.length;
      let best = Infinity;
      for (let r = 0; r < repeats; r++) {
        const t = process.hrtime.bigint();
        sink += screen(text, options).findings.length;
        best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
      }
      return best;
    };
    adversarial[name] = at(100_000, 10) / at(10_000, 50);
  }

  return {
    messageChars: 500,
    screenMicros,
    screenMedianMicros: screenMicros.p50,
    screenP99Micros: screenMicros.p99,
    screenMegabytesPerSecond,
    adversarialRatio100kTo10k: adversarial,
    perMessageMicros,
    medianMicros: perMessageMicros.p50,
    p99Micros: perMessageMicros.p99,
    megabytesPerSecond,
    big100kMillis,
    targets: { medianMicros: 50, p99Micros: 200 },
    met: perMessageMicros.p50 < 50 && perMessageMicros.p99 < 200 && screenMicros.p50 < 50 && screenMicros.p99 < 200,
    findingsSeen: sink,
  };
}

if (require.main === module) {
  runDetectorBench()
    .then((r) => {
      const s = r.perMessageMicros;
      console.log(
        `detector, 500-char messages: n=${s.n} p50=${fmt(s.p50)} µs p90=${fmt(s.p90)} µs p99=${fmt(s.p99)} µs max=${fmt(s.max)} µs`,
      );
      const g = r.screenMicros;
      console.log(
        `gate screening (canonical + rendered view + detector): p50=${fmt(g.p50)} µs p99=${fmt(g.p99)} µs, ${fmt(r.screenMegabytesPerSecond)} MB/s`,
      );
      console.log(
        `adversarial 100 KB / 10 KB time: ${Object.entries(r.adversarialRatio100kTo10k)
          .map(([k, v]) => `${k} ${fmt(v)}`)
          .join(', ')}`,
      );
      console.log(
        `throughput ${fmt(r.megabytesPerSecond)} MB/s; 100 KB in ${fmt(r.big100kMillis)} ms; targets ${r.met ? 'met' : 'NOT met'}`,
      );
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
