import { theaterName, type Ctx } from './context';
import {
  ESCALATION_LADDER,
  NUCLEAR_SIGNAL_LEVEL,
  THEATERS,
  THEATER_WAR_LEVEL,
  type Theater,
} from './ids';
import type { Modifier, UtilityTerms } from './log';
import { costTerms } from './options/types';
import type { Scenario } from './scenario/schema';
import { clamp, type GameState } from './state';
import { hasFought } from './wars';

/**
 * Escalation follows events. Miscalculation risk is derived from the ladders, the tempo of
 * military action and accumulated fog; each turn it can produce an incident that pushes a ladder
 * up a rung nobody chose, but only through the crisis rungs: limited war and above take fighting
 * (a decision to fight raises the ladder through the option's floor), nuclear signalling takes a
 * theater at war, and nuclear use is a decision China or Russia takes on the signalling rung,
 * weighing the calculus below like any other option.
 *
 * What other campaigns' state is read here (the nuclear calculus), so it can follow them:
 * - `s.taiwan.phase`, `s.taiwan.failedWaves`, `s.airSea.lost.china.amphibious` and
 *   `s.airSea.stocks.china.amphibious`, `s.flags.invasionLaunched`, `s.flags.usIntervened`;
 * - `s.regions[...]` owner and control of Russian home regions (Kaliningrad, western Russia);
 * - Russian ground strength in `sc.roles.russianStaging` against the scenario's, with
 *   `s.flags.article5Invoked`, `s.europe.operation` and `s.flags.balticCapitalFallen`;
 * - tracks `article5Credibility`, `natoCohesion`, `nonAligned`, `coordination`.
 */

const INCIDENTS: Record<Theater, readonly string[]> = {
  indoPacific: [
    'a PLA fighter collides with a US patrol aircraft',
    'a Taiwanese coast-guard cutter fires on a Chinese militia boat',
    'a Japanese destroyer and a PLAN frigate exchange fire near Yonaguni',
    'a misidentified radar contact triggers a missile launch',
  ],
  europe: [
    'a Russian drone strays into Polish airspace and is shot down',
    'a border guard is killed at a checkpoint near Narva',
    'an undersea cable in the Baltic is cut',
    'a NATO jet and a Russian interceptor clash over the Baltic',
  ],
};

/**
 * Move miscalculation risk halfway towards what escalation and tempo imply this turn.
 *
 * @example
 * updateMiscalc(ctx, ctx.s.turnStats.militaryActions); // run in the assessment phase
 */
export function updateMiscalc(ctx: Ctx, militaryActions: number): void {
  const m = ctx.sc.rules.miscalc;
  const esc = ctx.s.tracks.escalation;
  const target = clamp(
    m.base +
      m.perEscalationLevel * (esc.indoPacific + esc.europe) +
      m.perMilitaryAction * militaryActions,
    0,
    100,
  );
  const from = ctx.s.tracks.miscalcRisk;
  const to = clamp(from + Math.trunc((target - from) / 2) - m.decayPerTurn, 0, 100);
  ctx.adjust(
    'miscalcRisk',
    to - from,
    ctx.quiet
      ? ''
      : `derived: base ${m.base} + ${m.perEscalationLevel}×ladders ${esc.indoPacific + esc.europe} + ${m.perMilitaryAction}×military actions ${militaryActions} = ${target}; moves halfway, less decay ${m.decayPerTurn}`,
  );
}

/**
 * The chance (percent) of an incident in a theater this turn: risk × (rung + offset) / divisor,
 * capped; zero below `incidentMinRung` and from `incidentMaxRung` up (an incident cannot push a
 * ladder past the crisis rungs).
 *
 * @example
 * incidentChance(state, scenario, 'europe') // 10 at risk 40 on rung 2 (the bundled rules)
 */
export function incidentChance(s: GameState, sc: Scenario, theater: Theater): number {
  const e = sc.rules.escalation;
  const level = s.tracks.escalation[theater];
  if (level < e.incidentMinRung || level >= e.incidentMaxRung) return 0;
  return Math.min(
    sc.rules.miscalc.incidentChanceMaxPct,
    Math.trunc((s.tracks.miscalcRisk * (level + e.incidentRungOffset)) / e.incidentDivisor),
  );
}

/**
 * Roll for an incident in each theater in crisis. An incident raises the ladder by
 * `incidentRungs`, never past `incidentMaxRung` (below limited war).
 *
 * @example
 * incidents(new Ctx(state, scenario, 'events')); // may raise a ladder to blockade/hybrid at most
 */
export function incidents(ctx: Ctx): void {
  const e = ctx.sc.rules.escalation;
  for (const theater of THEATERS) {
    const chance = incidentChance(ctx.s, ctx.sc, theater);
    if (chance <= 0) continue;
    const level = ctx.s.tracks.escalation[theater];
    // Each roll is the first draw of its own named stream, so a student can redo it by hand.
    const r = ctx.rng(`incident:${theater}`);
    const roll = r.d100();
    const happened = roll <= chance;
    const what = INCIDENTS[theater][r.int(0, INCIDENTS[theater].length - 1)]!;
    if (!ctx.quiet)
      ctx.emit({
        type: 'adjudication',
        kind: 'incident',
        theater,
        actors: [],
        visibleTo: 'all',
        inputs: { miscalcRisk: ctx.s.tracks.miscalcRisk, ladder: level },
        modifiers: [
          {
            name: `chance = min(${ctx.sc.rules.miscalc.incidentChanceMaxPct}, risk × (rung + ${e.incidentRungOffset}) / ${e.incidentDivisor})`,
            value: chance,
          },
        ],
        roll: { stream: r.label, die: 'd100', value: roll, target: chance },
        result: happened ? 'incident' : 'no incident',
        text: happened
          ? `Incident (roll ${roll} ≤ ${chance}%): ${what}.`
          : `No incident (roll ${roll} > ${chance}%).`,
      });
    ctx.tick();
    if (happened)
      ctx.escalate(
        theater,
        Math.min(level + e.incidentRungs, e.incidentMaxRung),
        `incident nobody chose: ${what}`,
      );
  }
}

/**
 * The highest rung a scripted inject may raise a theater to: what an incident may reach
 * (`incidentMaxRung`, below limited war). Fighting and nuclear rungs take a decision.
 *
 * @example
 * injectCeiling(scenario) // 3 with the bundled rules: blockade/hybrid
 */
export function injectCeiling(sc: Scenario): number {
  return Math.min(sc.rules.escalation.incidentMaxRung, NUCLEAR_SIGNAL_LEVEL - 1);
}

/**
 * Raise a ladder because something happened that nobody decided (a scripted inject), within
 * {@link injectCeiling}; a rise held back by the ceiling is logged as such.
 *
 * @example
 * escalateByEvent(ctx, 'europe', 4, 'Checkpoints on the eastern flank'); // held at rung 3
 */
export function escalateByEvent(ctx: Ctx, theater: Theater, level: number, cause: string): void {
  const cap = injectCeiling(ctx.sc);
  const from = ctx.s.tracks.escalation[theater];
  if (level > cap && level > from && !ctx.quiet)
    ctx.note(
      theater,
      [],
      `${cause}: ${theaterName(theater)} held at ${ESCALATION_LADDER[Math.max(cap, from)]} (rung ${Math.max(cap, from)}): limited war takes a decision to fight, nuclear rungs a decision to signal or strike.`,
    );
  ctx.escalate(theater, Math.min(level, cap), cause);
}

/**
 * Why a nuclear signal is not possible in the theater, or null: it takes a theater at war (the
 * ladder at theater war and fighting there by the war's status).
 *
 * @example
 * signalBlocked(state, 'europe') // 'only in a theater at war (Europe is crisis)'
 */
export function signalBlocked(s: GameState, theater: Theater): string | null {
  const status = s.wars[theater].status;
  if (s.tracks.escalation[theater] < THEATER_WAR_LEVEL || status !== 'war')
    return `only in a theater at war (${theaterName(theater)} is ${status}, rung ${s.tracks.escalation[theater]})`;
  return null;
}

/** The two powers whose nuclear decision the model plays. */
export type NuclearPower = 'china' | 'russia';

/** Each nuclear power's theater. */
export const NUCLEAR_THEATER: Record<NuclearPower, Theater> = {
  china: 'indoPacific',
  russia: 'europe',
};

/** A prospect of conventional defeat (0..100) and what it rests on, for the log. */
export interface DefeatProspect {
  readonly value: number;
  readonly why: string;
}

/**
 * How near China's invasion is to failing, 0..100: 100 once repulsed (the fleet or the army to
 * carry is gone); otherwise the larger of the landing waves thrown back (100 at
 * `chinaFailedWavesForDefeat`) and the share of the amphibious fleet sunk (100 at
 * `chinaFleetLossPctForDefeat`). Zero before an invasion, and once it has won or settled.
 *
 * @example
 * chinaDefeat(state, scenario).value // 100 after the invasion is repulsed
 */
export function chinaDefeat(s: GameState, sc: Scenario): DefeatProspect {
  const e = sc.rules.escalation;
  const t = s.taiwan;
  if (!s.flags.invasionLaunched || t.phase === 'fallen' || t.phase === 'settled')
    return { value: 0, why: 'no invasion at risk' };
  if (t.phase === 'repulsed') return { value: 100, why: 'the invasion has been repulsed' };
  const waves = clamp(Math.trunc((t.failedWaves * 100) / e.chinaFailedWavesForDefeat), 0, 100);
  const lost = s.airSea.lost.china.amphibious;
  const total = lost + s.airSea.stocks.china.amphibious;
  const sunkPct = total > 0 ? Math.trunc((lost * 100) / total) : 0;
  const fleet = clamp(Math.trunc((sunkPct * 100) / e.chinaFleetLossPctForDefeat), 0, 100);
  return fleet >= waves
    ? { value: fleet, why: `${sunkPct}% of the amphibious fleet sunk` }
    : { value: waves, why: `${t.failedWaves} landing waves or lodgements thrown back` };
}

const STAGING_AT_START = new WeakMap<Scenario, number>();

/** Russian ground strength in the staging regions at the start (raw points). */
function stagingAtStart(sc: Scenario): number {
  let n = STAGING_AT_START.get(sc);
  if (n === undefined) {
    n = 0;
    for (const f of Object.values(sc.forces))
      if (f.actor === 'russia' && f.kind === 'ground' && sc.roles.russianStaging.includes(f.region))
        n += f.strength;
    STAGING_AT_START.set(sc, n);
  }
  return n;
}

const HOMELAND = new WeakMap<Scenario, string[]>();

/** Russia's own land regions in Europe (scenario order), outside occupied Ukraine. */
function russianHomeland(sc: Scenario): string[] {
  let ids = HOMELAND.get(sc);
  if (!ids) {
    ids = Object.keys(sc.regions).filter((id) => {
      const r = sc.regions[id]!;
      return (
        r.theater === 'europe' &&
        r.kind === 'land' &&
        r.owner === 'russia' &&
        id !== sc.roles.ukraineOccupied
      );
    });
    HOMELAND.set(sc, ids);
  }
  return ids;
}

/**
 * How near Russia is to defeat against NATO, 0..100: 100 when Russian territory (Kaliningrad,
 * western Russia: land regions Russia owns in the scenario outside occupied Ukraine) is lost or
 * contested; otherwise, once Article 5 is invoked against an operation that holds no Baltic
 * capital, the share of the staging army lost, reaching `russiaOffensiveDefeatMax` (an offensive
 * failing abroad is less than the regime's survival) at `russiaLossPctForDefeat`.
 *
 * @example
 * russiaDefeat(state, scenario).value // 0 while the offensive has not met Article 5
 */
export function russiaDefeat(s: GameState, sc: Scenario): DefeatProspect {
  for (const id of russianHomeland(sc)) {
    const now = s.regions[id];
    if (now && (now.owner !== 'russia' || now.control < 100))
      return { value: 100, why: `Russian territory threatened (${sc.regions[id]!.name})` };
  }
  const attacking =
    s.europe.operation === 'incursion' ||
    s.europe.operation === 'offensive' ||
    hasFought(s, 'europe');
  if (!s.flags.article5Invoked || !attacking || s.flags.balticCapitalFallen)
    return { value: 0, why: 'no Russian offensive failing under Article 5' };
  const start = stagingAtStart(sc);
  let now = 0;
  for (const f of s.forces)
    if (f.actor === 'russia' && f.kind === 'ground' && sc.roles.russianStaging.includes(f.region))
      now += f.strength;
  const lostPct = start > 0 ? clamp(100 - Math.trunc((now * 100) / start), 0, 100) : 0;
  const e = sc.rules.escalation;
  return {
    value: clamp(
      Math.trunc((lostPct * e.russiaOffensiveDefeatMax) / e.russiaLossPctForDefeat),
      0,
      e.russiaOffensiveDefeatMax,
    ),
    why: `the offensive has lost ${lostPct}% of its staging strength under Article 5`,
  };
}

/**
 * Whether a nuclear power is losing its war conventionally, as a prospect of defeat.
 *
 * @example
 * defeatProspect(state, scenario, 'china').value > 0 // an invasion going wrong
 */
export function defeatProspect(s: GameState, sc: Scenario, actor: NuclearPower): DefeatProspect {
  return actor === 'china' ? chinaDefeat(s, sc) : russiaDefeat(s, sc);
}

/** The nuclear calculus: its readings and the raw utility terms the AI weighs. */
export interface NuclearCalculus {
  readonly actor: NuclearPower;
  readonly theater: Theater;
  readonly defeat: DefeatProspect;
  /** What use might save, at a certain defeat: the stakes (resolve included). */
  readonly stakes: number;
  /** How credible a retaliation is, 0..100. */
  readonly credibility: number;
  /** How far partners lean to the actor (the non-aligned for China, China for Russia), 0..100. */
  readonly partners: number;
  /** Raw terms, before the actor's doctrine and risk tolerance. */
  readonly terms: UtilityTerms;
}

/**
 * The calculus China or Russia weighs on the nuclear-signalling rung:
 * - gain = stakes × prospect of conventional defeat / 100, stakes = `nuclearStakes` plus
 *   `nuclearResolveWeight`% of the actor's resolve above 50 (what use might save: the regime);
 * - risk = −(`nuclearRiskBase` + `nuclearRiskPerCredibility`% of the expected response's
 *   credibility): for China the US's, `usEngagedCredibility` (China reaches the signalling rung
 *   only in a war with the US), for Russia the mean of Article 5 credibility and NATO cohesion;
 *   the AI then scales risk by the actor's risk tolerance;
 * - alliance = −(`nuclearTaboo` + `nuclearOpinionWeight`% of what partners would be lost);
 * - cost and domestic from the option's scenario cost.
 *
 * @example
 * nuclearCalculus(state, scenario, 'china').terms.gain // 0 unless the invasion is failing
 */
export function nuclearCalculus(s: GameState, sc: Scenario, actor: NuclearPower): NuclearCalculus {
  const e = sc.rules.escalation;
  const traits = sc.actors[actor].traits;
  const defeat = defeatProspect(s, sc, actor);
  const stakes =
    e.nuclearStakes + Math.trunc(((traits.resolve - 50) * e.nuclearResolveWeight) / 100);
  const credibility =
    actor === 'china'
      ? e.usEngagedCredibility
      : Math.trunc((s.tracks.article5Credibility + s.tracks.natoCohesion) / 2);
  const partners =
    actor === 'china' ? clamp(-s.tracks.nonAligned, 0, 100) : clamp(s.tracks.coordination, 0, 100);
  const option = actor === 'china' ? 'china.nuclear-use' : 'russia.nuclear-use';
  return {
    actor,
    theater: NUCLEAR_THEATER[actor],
    defeat,
    stakes,
    credibility,
    partners,
    terms: {
      gain: Math.trunc((stakes * defeat.value) / 100),
      risk: -(e.nuclearRiskBase + Math.trunc((credibility * e.nuclearRiskPerCredibility) / 100)),
      alliance: -(e.nuclearTaboo + Math.trunc((partners * e.nuclearOpinionWeight) / 100)),
      ...costTerms(sc, option),
    },
  };
}

/**
 * The calculus as named modifiers for a log entry: each raw term with what it rests on.
 *
 * @example
 * calculusModifiers(nuclearCalculus(state, scenario, 'russia'), scenario) // [{ name, value }, ...]
 */
export function calculusModifiers(c: NuclearCalculus, sc: Scenario): Modifier[] {
  const t = sc.actors[c.actor].traits;
  const who = c.actor === 'china' ? 'US' : 'NATO';
  return [
    { name: `prospect of conventional defeat (${c.defeat.why})`, value: c.defeat.value },
    { name: `stakes: what use might save (resolve ${t.resolve})`, value: c.stakes },
    { name: 'gain = stakes × defeat / 100', value: c.terms.gain },
    { name: `risk: ${who} retaliation, credibility ${c.credibility}`, value: c.terms.risk },
    {
      name: `alliance: world opinion, partners leaning ${c.partners} to ${c.actor}`,
      value: c.terms.alliance,
    },
    { name: 'cost: economic', value: c.terms.cost },
    { name: 'domestic', value: c.terms.domestic },
    {
      name: `risk tolerance ${t.riskTolerance} (the AI scales the risk term by it)`,
      value: t.riskTolerance,
    },
  ];
}

/**
 * Log the nuclear calculus of each nuclear power standing on its signalling rung (for the AI and
 * for a human seat alike), with the decision it came to this turn. Built only when the log is
 * kept.
 *
 * @example
 * logNuclearCalculus(ctx); // events phase: "China's nuclear calculus: ... the threshold holds"
 */
export function logNuclearCalculus(ctx: Ctx): void {
  if (ctx.quiet) return;
  for (const actor of ['china', 'russia'] as const) {
    const theater = NUCLEAR_THEATER[actor];
    if (ctx.s.tracks.escalation[theater] !== NUCLEAR_SIGNAL_LEVEL) continue;
    emitCalculus(ctx, nuclearCalculus(ctx.s, ctx.sc, actor), false);
  }
}

/**
 * Emit one calculus entry: `used` when the actor has just crossed the threshold.
 *
 * @example
 * emitCalculus(ctx, nuclearCalculus(ctx.s, ctx.sc, 'china'), true); // in the option's apply
 */
export function emitCalculus(ctx: Ctx, c: NuclearCalculus, used: boolean): void {
  if (ctx.quiet) return;
  const t = c.terms;
  const net = t.gain + t.risk + t.alliance + t.cost + t.domestic;
  const name = ctx.sc.actors[c.actor].name;
  ctx.emit({
    type: 'adjudication',
    kind: 'nuclear-calculus',
    theater: c.theater,
    actors: [c.actor],
    visibleTo: used ? 'all' : [c.actor],
    inputs: {
      actor: c.actor,
      defeatProspect: c.defeat.value,
      stakes: c.stakes,
      credibility: c.credibility,
      partners: c.partners,
      riskTolerance: ctx.sc.actors[c.actor].traits.riskTolerance,
      resolve: ctx.sc.actors[c.actor].traits.resolve,
    },
    modifiers: calculusModifiers(c, ctx.sc),
    roll: null,
    result: used ? 'nuclear use' : 'threshold holds',
    text: `${name}'s nuclear calculus: defeat prospect ${c.defeat.value} (${c.defeat.why}); gain ${t.gain}, risk ${t.risk} (${c.actor === 'china' ? 'US' : 'NATO'} credibility ${c.credibility}), world opinion ${t.alliance}, cost ${t.cost}, domestic ${t.domestic}: raw net ${net} before doctrine and risk tolerance. ${used ? `${name} crosses the nuclear threshold.` : 'The threshold holds.'}`,
  });
}
