import type { Ctx } from '../context';
import type { Modifier } from '../log';
import { param } from '../options/types';
import type { Decision } from '../state';
import { clamp } from '../state';

/**
 * The Ukraine front: territory (basis points of Ukraine held by Kyiv), attrition on both sides,
 * and the ceasefire with its guarantee layers. The baseline reproduces 2025: Russian gains of
 * under 1% of Ukraine a year at a cost of hundreds of thousands of casualties. A ceasefire without
 * guarantees may break; each guarantee layer makes that less likely.
 *
 * @example
 * ukraineFront(ctx, { russia: [{ type: 'russia.ukraine-offensive' }], ukraine: [] });
 */
export function ukraineFront(
  ctx: Ctx,
  decisions: Readonly<Partial<Record<string, readonly Decision[]>>>,
): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const u = s.ukraine;
  const rules = sc.rules.ukraine;
  if (u.status === 'ceasefire') {
    const g = u.guarantees;
    const coalition = g.coalition ? -rules.ceasefireCoalitionCut : 0;
    const backstop = g.usBackstop ? -rules.ceasefireBackstopCut : 0;
    const atWar = s.flags.secondFront ? rules.ceasefireSecondFrontRise : 0;
    const chance = clamp(rules.ceasefireBreakBase + coalition + backstop + atWar, 0, 100);
    if (chance === 0) return;
    const broken = ctx.chanceRoll({
      purpose: 'ukraine:ceasefire',
      chance,
      kind: 'ukraine-front',
      theater: 'europe',
      region: sc.roles.ukraineHeld,
      actors: ['russia', 'ukraine'],
      inputs: {
        coalition: g.coalition,
        usBackstop: g.usBackstop,
        secondFront: s.flags.secondFront,
      },
      modifiers: [
        { name: 'base', value: rules.ceasefireBreakBase },
        { name: 'coalition of the willing', value: coalition },
        { name: 'US backstop', value: backstop },
        { name: 'Russia at war with NATO', value: atWar },
      ],
      result: ['ceasefire broken', 'ceasefire holds'],
      text: (roll, ok) =>
        `Ceasefire test: break chance ${chance}%, roll ${roll}: ${ok ? 'Russia breaks the ceasefire' : 'the ceasefire holds'}.`,
    });
    if (broken) {
      u.status = 'fighting';
      u.russianOffensive = true;
      ctx.setFlag('ukraineCeasefire', false);
      ctx.adjust(
        'article5Credibility',
        -rules.guaranteeCredibility,
        'a broken ceasefire',
        'europe',
      );
    }
    return;
  }
  if (u.status !== 'fighting') return;
  const ru = decisions['russia'] ?? [];
  const ua = decisions['ukraine'] ?? [];
  const offensive = ru.some((d) => d.type === 'russia.ukraine-offensive');
  const defend = ua.some((d) => d.type === 'ukraine.defend');
  const counter = ua.some((d) => d.type === 'ukraine.counter-attack');
  const r = ctx.rng('ukraine:front');
  const roll = r.d100();
  const pulled = s.flags.secondFront;
  const modifiers: Modifier[] = [
    { name: 'base Russian gain', value: rules.baseRussianGainBp },
    {
      name: 'Russian offensive',
      value: offensive ? param(sc, 'russia.ukraine-offensive', 'gainBpPerTurn') : 0,
    },
    {
      name: 'Ukraine defends in depth',
      value: defend ? -param(sc, 'ukraine.defend', 'defenceBonus') : 0,
    },
    {
      name: 'Ukrainian counter-attack',
      value: counter
        ? -param(sc, 'ukraine.counter-attack', 'gainBpPerTurn') *
          (pulled ? rules.counterAttackPulledFactor : 1)
        : 0,
    },
    { name: 'Russian forces drawn to NATO front', value: pulled ? -rules.drawnToNatoBp : 0 },
    {
      // Ukraine fights with NATO's shells; the gap between the two stockpiles tells.
      name: 'munitions balance (Russia vs NATO)',
      value: Math.trunc(
        (s.blocs.russia.munitions - s.blocs.nato.munitions) / rules.munitionsGapPerBp,
      ),
    },
    // The roll around the d100's midpoint (50), one basis point per `fortunePerBp` of it.
    { name: 'fortune of the turn (roll)', value: Math.trunc((roll - 50) / rules.fortunePerBp) },
  ];
  const net = modifiers.reduce((t, m) => t + m.value, 0);
  // An offensive burns shells.
  if (offensive)
    s.blocs.russia.munitions = clamp(s.blocs.russia.munitions - rules.offensiveMunitions, 0, 100);
  const from = u.territoryHeldBp;
  u.territoryHeldBp = clamp(from - net, 0, 10000);
  const tempo = offensive ? 100 : rules.quietTempoPct;
  const counterCost = counter ? param(sc, 'ukraine.counter-attack', 'attritionPct') : 100;
  const ruLoss = Math.trunc((rules.russianCasualtiesPerTurn * tempo) / 100);
  const uaLoss = Math.trunc(
    (Math.trunc((rules.ukrainianCasualtiesPerTurn * tempo) / 100) * counterCost) / 100,
  );
  u.russianCasualties += ruLoss;
  u.ukrainianCasualties += uaLoss;
  const fmt = (bp: number): string =>
    `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
  if (!ctx.quiet)
    ctx.emit({
      type: 'adjudication',
      kind: 'ukraine-front',
      theater: 'europe',
      region: sc.roles.ukraineOccupied,
      actors: ['russia', 'ukraine'],
      visibleTo: 'all',
      inputs: {
        offensive,
        defend,
        counter,
        territoryHeldBp: from,
        russianCasualties: u.russianCasualties,
        ukrainianCasualties: u.ukrainianCasualties,
      },
      modifiers,
      roll: { stream: r.label, die: 'd100', value: roll },
      result:
        net > 0 ? `Russia gains ${net} bp` : net < 0 ? `Ukraine regains ${-net} bp` : 'no change',
      text:
        `Ukraine front: ${modifiers
          .filter((m) => m.value !== 0)
          .map((m) => `${m.name} ${m.value > 0 ? '+' : ''}${m.value}`)
          .join(', ')}; roll ${roll} → ` +
        `net ${net} bp to Russia; Ukraine holds ${fmt(u.territoryHeldBp)}. Casualties this turn: Russia ${ruLoss}, Ukraine ${uaLoss}.`,
    });
  // Forces engaged in Ukraine also wear down.
  for (const f of s.forces)
    if (f.actor === 'russia' && f.region === sc.roles.ukraineOccupied && offensive)
      f.strength = Math.max(0, f.strength - rules.offensiveStrengthLoss);
}
