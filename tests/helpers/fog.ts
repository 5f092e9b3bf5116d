import { ACTORS, type ActorId } from '../../src/sim/ids';
import type { LogEntry } from '../../src/sim/log';
import { NOT_CARRIED_OUT } from '../../src/sim/phases';
import type { Scenario } from '../../src/sim/scenario/schema';
import type { GameState } from '../../src/sim/state';
import type { TeamView, Viewpoint } from '../../src/sim/view';

/**
 * What fog of war must keep from a viewpoint, found in the true game without reading `visibleTo`
 * (the field under test): the orders that are secret by the rules, with everything logged as they
 * took effect, and the entries addressed to one actor or side by what they are.
 */

/** The orders only Beijing and Moscow know of: China's request for a second front and the answer. */
const BETWEEN_BEIJING_AND_MOSCOW = [
  'china.ask-russia-second-front',
  'russia.accept-china-request',
  'russia.refuse-china-request',
];

/** A secret order and what it caused: the log entries it produced, and who may know of them. */
export interface SecretBlock {
  readonly what: string;
  readonly turn: number;
  readonly indices: readonly number[];
  readonly parties: readonly ActorId[];
}

/**
 * The secret orders of a game and the entries each produced. An order's entries follow its
 * decision entry at the same hour (the clock ticks only after an order has taken full effect)
 * up to the next decision or phase.
 */
export function secretBlocks(log: readonly LogEntry[], sc: Scenario): SecretBlock[] {
  const east = ACTORS.filter((a) => sc.actors[a].side === 'east');
  const out: SecretBlock[] = [];
  log.forEach((d, i) => {
    if (d.type !== 'decision' || d.text.includes(NOT_CARRIED_OUT)) return;
    const indices = [i];
    for (let j = i + 1; j < log.length; j++) {
      const e = log[j]!;
      if (e.type === 'decision' || e.type === 'phase' || e.turn !== d.turn || e.hour !== d.hour)
        break;
      indices.push(j);
    }
    const undetected = indices.some((j) => {
      const e = log[j]!;
      return e.type === 'adjudication' && e.kind === 'detection' && e.result === 'undetected';
    });
    if (BETWEEN_BEIJING_AND_MOSCOW.includes(d.decision.type))
      out.push({ what: d.decision.type, turn: d.turn, indices, parties: ['china', 'russia'] });
    else if (d.decision.type === 'china.mobilise' && undetected)
      out.push({ what: 'undetected mobilisation', turn: d.turn, indices, parties: east });
  });
  return out;
}

/**
 * Everything in `view` that `viewpoint` may not know of the true game (`state`, `log`), each as a
 * sentence; empty when the fog holds. `control` must be shown the whole truth; `public` only what
 * is meant for everyone.
 */
export function fogLeaks(
  state: GameState,
  log: readonly LogEntry[],
  sc: Scenario,
  viewpoint: Viewpoint,
  view: TeamView,
): string[] {
  const bad: string[] = [];
  const shown = new Set(view.log.map((e) => e.index));
  if (viewpoint === 'control') {
    if (view.state !== state) bad.push('control is not shown the true state');
    if (view.log.length !== log.length || view.log.some((e) => log[e.index] !== e.entry))
      bad.push('control is not shown the whole log');
    return bad;
  }
  const me = viewpoint === 'public' ? null : viewpoint;
  for (const b of secretBlocks(log, sc))
    if (!me || !b.parties.includes(me))
      for (const i of b.indices)
        if (shown.has(i)) bad.push(`${b.what} (turn ${b.turn}): "${log[i]!.text}"`);
  const west = me !== null && sc.actors[me].side !== 'east';
  for (const { entry: e } of view.log) {
    if (viewpoint === 'public' && e.visibleTo !== 'all') bad.push(`not public: "${e.text}"`);
    if (e.type === 'decision' && e.actor !== me && e.text.includes(NOT_CARRIED_OUT))
      bad.push(`another actor's order: "${e.text}"`);
    if (e.type === 'ai-reasoning' && e.actor !== me) bad.push(`${e.actor}'s AI reasoning`);
    if (e.text.startsWith('Allied estimate') && !west) bad.push(`the allies' estimate "${e.text}"`);
    if (e.type === 'adjudication' && e.kind === 'second-front-calculus' && me !== 'russia')
      bad.push("Russia's private calculus");
    if (e.type === 'adjudication' && e.kind === 'nuclear-calculus' && e.result !== 'nuclear use')
      if (e.inputs['actor'] !== me) bad.push(`${String(e.inputs['actor'])}'s nuclear calculus`);
    if (e.type === 'adjudication' && e.roll?.stream.startsWith(`${state.seed}:`))
      bad.push(`the seed, in the stream of "${e.text}"`);
  }
  const v = view.state;
  if (v.seed !== '') bad.push('the seed, in the state');
  if (JSON.stringify(view).includes(state.seed) && state.seed.length >= 4)
    bad.push('the seed, somewhere in the view');
  for (const a of ACTORS) {
    if (v.actors[a].plan !== null) bad.push(`${a}'s AI plan`);
    if (a !== me && (v.actors[a].lastDecisions.length > 0 || Object.keys(v.actors[a].taken).length))
      bad.push(`${a}'s orders, in the state`);
  }
  if (me === null || west) {
    for (const f of ['chinaRequestPending', 'chinaRequestAccepted', 'chinaRequestRefused'] as const)
      if (v.flags[f]) bad.push(`${f}, a secret between Beijing and Moscow`);
    if (state.flags.chinaMobilised && !state.flags.chinaMobilisationSeen) {
      if (v.flags.chinaMobilised) bad.push('the undetected mobilisation, in the flags');
      if (v.taiwan.phase === 'mobilisation') bad.push('the undetected mobilisation, as a phase');
      if (v.taiwan.mobilisedTurn !== 0) bad.push('the undetected mobilisation, as a turn');
    }
  }
  return bad;
}
