import type { Ctx } from './context';
import { escalateByEvent } from './escalation';
import { holds } from './outcomes';
import type { ScenarioEffect } from './scenario/schema';

/**
 * Scripted events and injects from the scenario: each turn, every event whose trigger holds (and
 * that has not fired, if `once`) rolls its chance; if it fires, its effects apply and it is logged.
 *
 * @example
 * scriptedEvents(new Ctx(state, scenario, 'briefing')); // after deliver(ctx), each turn
 */
export function scriptedEvents(ctx: Ctx): void {
  const s = ctx.s;
  for (const ev of ctx.sc.events) {
    if (ev.once && s.fired.includes(ev.id)) continue;
    if (!holds(s, ev.trigger)) continue;
    // The d100 against the event's chance (none at 100%).
    const roll = ev.chancePct < 100 ? ctx.rng(`event:${ev.id}`).d100() : null;
    if (roll !== null && roll > ev.chancePct) continue;
    if (!s.fired.includes(ev.id)) s.fired.push(ev.id);
    if (!ctx.quiet)
      ctx.emit({
        type: 'inject',
        eventId: ev.id,
        title: ev.title,
        theater: ev.theater,
        actors: [],
        visibleTo: 'all',
        text: `${ev.title}: ${ev.text}${roll !== null ? ` (chance ${ev.chancePct}%, roll ${roll})` : ''}`,
      });
    for (const e of ev.effects) applyEffect(ctx, e, ev.title);
    ctx.tick();
  }
}

function applyEffect(ctx: Ctx, e: ScenarioEffect, cause: string): void {
  switch (e.type) {
    case 'adjustTrack': {
      const [head, tail] = e.track.split('.') as [string, string | undefined];
      if (head === 'escalation' && tail) {
        const t = tail as 'indoPacific' | 'europe';
        if (e.delta > 0) escalateByEvent(ctx, t, ctx.s.tracks.escalation[t] + e.delta, cause);
        else ctx.deescalate(t, -e.delta, cause);
      } else if (head === 'deterrence' && tail) {
        // Deterrence is derived each turn; a scripted nudge would be overwritten, so it is ignored.
      } else if (e.track === 'ukraineTerritoryHeld') {
        const u = ctx.s.ukraine;
        u.territoryHeldBp = Math.max(0, Math.min(10000, u.territoryHeldBp + e.delta * 100));
      } else ctx.adjust(e.track as 'coordination', e.delta, cause);
      return;
    }
    case 'setFlag':
      ctx.setFlag(e.flag, e.value);
      return;
    case 'escalateAtLeast':
      escalateByEvent(ctx, e.theater, e.level, cause);
      return;
    case 'adjustSupport':
      ctx.adjustSupport(e.actor, e.delta, cause);
      return;
    default: {
      const never: never = e;
      throw new Error(`unknown effect ${JSON.stringify(never)}`);
    }
  }
}
