import type { Ctx } from './context';
import { NUCLEAR_SIGNAL_LEVEL, NUCLEAR_USE_LEVEL, THEATERS, type Theater } from './ids';
import { clamp } from './state';

/**
 * Escalation and miscalculation. Risk is derived from the ladders, the tempo of military action
 * and accumulated fog; each turn it can produce an incident that pushes a ladder up a rung nobody
 * chose. Nuclear use is possible only from the nuclear-signalling rung, and only for a power that
 * is losing.
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
    `derived: base ${m.base} + ${m.perEscalationLevel}×ladders ${esc.indoPacific + esc.europe} + ${m.perMilitaryAction}×military actions ${militaryActions} = ${target}; moves halfway, less decay ${m.decayPerTurn}`,
  );
}

/**
 * Roll for an incident in each theater in crisis.
 *
 * @example
 * incidents(new Ctx(state, scenario, 'events')); // may escalate a ladder on rungs 1-3
 */
export function incidents(ctx: Ctx): void {
  const m = ctx.sc.rules.miscalc;
  for (const theater of THEATERS) {
    const level = ctx.s.tracks.escalation[theater];
    // Incidents can push a crisis to limited conventional fighting; theater war takes a decision.
    if (level < 1 || level >= 4) continue;
    const chance = Math.min(
      m.incidentChanceMaxPct,
      Math.trunc((ctx.s.tracks.miscalcRisk * (level + 1)) / 12),
    );
    if (chance <= 0) continue;
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
            name: `chance = min(${m.incidentChanceMaxPct}, risk × (rung + 1) / 12)`,
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
    if (happened) ctx.escalate(theater, level + 1, `incident nobody chose: ${what}`);
  }
}

/**
 * A nuclear power on the signalling rung that is losing may cross the threshold.
 *
 * @example
 * nuclearUse(ctx); // late in the events phase, after incidents(ctx) and economyTurn(...)
 */
export function nuclearUse(ctx: Ctx): void {
  const s = ctx.s;
  for (const theater of THEATERS) {
    if (s.tracks.escalation[theater] !== NUCLEAR_SIGNAL_LEVEL) continue;
    const actor = theater === 'indoPacific' ? 'china' : 'russia';
    const losing =
      theater === 'indoPacific'
        ? s.taiwan.phase === 'repulsed' ||
          (s.taiwan.phase === 'lodgement' && s.taiwan.lodgement < 25)
        : s.flags.article5Invoked && s.europe.operation !== 'none' && !s.flags.balticCapitalFallen;
    const risk = ctx.sc.actors[actor].traits.riskTolerance;
    // Use is possible only for a power that is losing, and even then rare.
    const chance = losing ? 1 + (risk >= 60 ? 1 : 0) : 0;
    const used = ctx.chanceRoll({
      purpose: `nuclear:${theater}`,
      chance,
      kind: 'incident',
      theater,
      actors: [actor],
      inputs: { actor, riskTolerance: risk, losing },
      modifiers: [
        { name: 'losing conventionally', value: losing ? 1 : 0 },
        { name: 'risk tolerance 60 or more', value: losing && risk >= 60 ? 1 : 0 },
      ],
      result: ['nuclear use', 'threshold holds'],
      text: (roll, ok) =>
        ok
          ? `${actor} crosses the nuclear threshold (roll ${roll} ≤ ${chance}%).`
          : `Nuclear threshold holds (${actor}: roll ${roll} > ${chance}%).`,
    });
    if (used) {
      ctx.escalate(theater, NUCLEAR_USE_LEVEL, `${actor} uses a nuclear weapon`, [actor]);
      ctx.keyEvent('nuclearUse', theater, [actor], `${actor} uses a nuclear weapon.`);
    }
  }
}
