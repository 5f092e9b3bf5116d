import { fight } from '../combat';
import type { Ctx } from '../context';
import {
  GROUND,
  applyLosses,
  indoPacificAirSea,
  strength,
  theaterRegions,
  usPool,
} from '../measures';
import { param } from '../options/types';
import { clamp, regionForWrite } from '../state';

/**
 * The Taiwan campaign in phases: mobilisation, blockade and strikes, the crossing, the lodgement
 * and the breakout to Taipei. US and Japanese intervention change the odds through air and sea
 * control, which feeds both the combat modifier and the invader's supply across the Strait.
 * Returns the number of combats fought (they spend munitions).
 *
 * @example
 * ctx.s.turnStats.combats.china += taiwanCampaign(ctx);
 */
export function taiwanCampaign(ctx: Ctx): number {
  let combats = 0;
  combats += blockadeStep(ctx);
  const t = ctx.s.taiwan;
  if (t.phase === 'crossing') combats += crossingStep(ctx);
  else if (t.phase === 'lodgement' || t.phase === 'breakout') combats += lodgementStep(ctx);
  return combats;
}

function blockadeStep(ctx: Ctx): number {
  const s = ctx.s;
  const sc = ctx.sc;
  let combats = 0;
  if (s.flags.blockadeActive && s.flags.usIntervened) {
    // The US (and Japan, if in) try to break the blockade: a sea-control battle.
    const regions = theaterRegions(sc, 'indoPacific');
    const west =
      Math.trunc((usPool(s, sc).indoPacific * (s.flags.japanBasesOpen ? 100 : 55)) / 100) +
      strength(s, 'usa', regions, ['naval', 'air']) +
      (s.flags.japanJoined ? strength(s, 'japan', regions, ['naval', 'air']) : 0) +
      strength(s, 'taiwan', regions, ['naval']);
    const china = strength(s, 'china', regions, ['naval', 'air', 'missile']);
    const out = fight(ctx, 'blockade-run', 'indoPacific', sc.roles.taiwanStrait, {
      attacker: 'usa',
      defender: 'china',
      attack: west,
      defence: china,
      terrain: 'sea',
      attackerSupply: s.blocs.nato.munitions,
      defenderSupply: s.blocs.china.munitions,
      airSea: 0,
      attackerReadiness: s.blocs.nato.readiness,
      defenderReadiness: s.blocs.china.readiness,
      extra: [{ name: 'fighting inside China’s missile umbrella', value: -10 }],
    });
    combats++;
    applyLosses(s, 'usa', regions, ['naval', 'air'], out.attackerLossPct);
    applyLosses(s, 'china', regions, ['naval'], out.defenderLossPct);
    if (out.result === 'advance' || out.result === 'breakthrough') {
      ctx.setFlag('blockadeActive', false);
      ctx.note(
        'indoPacific',
        ['usa', 'china', 'taiwan'],
        'The blockade is broken: convoys reach Taiwan.',
        sc.roles.taiwanStrait,
      );
    }
  }
  if (s.flags.blockadeActive) {
    ctx.adjust(
      'taiwanSupply',
      -param(sc, 'china.blockade', 'supplyLoss'),
      'the blockade',
      'indoPacific',
    );
    ctx.adjustSupport('taiwan', -sc.rules.taiwan.blockadeSupportLossPerTurn, 'life under blockade');
  } else if (s.flags.quarantineActive) {
    ctx.adjust(
      'taiwanSupply',
      -param(sc, 'china.quarantine', 'supplyLoss'),
      'the quarantine',
      'indoPacific',
    );
  } else if (s.tracks.taiwanSupply < 100) {
    ctx.adjust('taiwanSupply', 5, 'shipping resumes', 'indoPacific');
  }
  return combats;
}

function assault(ctx: Ctx): number {
  const s = ctx.s;
  const share = param(ctx.sc, 'china.amphibious-invasion', 'assaultSharePct');
  const lift = param(ctx.sc, 'china.amphibious-invasion', 'liftPerTurn');
  const committed = Math.trunc(
    (strength(s, 'china', [ctx.sc.roles.chinaStaging], GROUND) * share) / 100,
  );
  const turnsAcross = s.turn - s.taiwan.since + 1;
  return Math.min(committed, lift * turnsAcross);
}

function defence(ctx: Ctx): number {
  const s = ctx.s;
  let d = strength(s, 'taiwan', [ctx.sc.roles.taiwanMain], GROUND);
  if (s.flags.usIntervened) d += strength(s, 'usa', [ctx.sc.roles.taiwanMain], GROUND);
  return d;
}

/** Share of Taiwan's ground forces that can meet the first waves on the beaches. */
const BEACH_SHARE_PCT = 50;

function crossingStep(ctx: Ctx): number {
  const s = ctx.s;
  const sc = ctx.sc;
  const t = s.taiwan;
  const air = indoPacificAirSea(s, sc);
  const out = fight(ctx, 'crossing', 'indoPacific', sc.roles.taiwanMain, {
    attacker: 'china',
    defender: 'taiwan',
    // Ships sunk on the way never reach the beach: air and sea control scales what lands.
    attack: Math.trunc((assault(ctx) * (100 + air.control)) / 100),
    defence: Math.trunc((defence(ctx) * BEACH_SHARE_PCT) / 100),
    terrain: 'strait',
    attackerSupply: clamp(50 + Math.trunc(air.control / 2), 0, 100),
    defenderSupply: s.tracks.taiwanSupply,
    airSea: air.control,
    attackerReadiness: s.blocs.china.readiness,
    defenderReadiness: avgReadiness(ctx, 'taiwan'),
    extra: t.defenceBonus ? [{ name: 'hardened beaches', value: -t.defenceBonus }] : [],
  });
  t.crossingTurns++;
  applyLosses(s, 'china', [sc.roles.chinaStaging], GROUND, out.attackerLossPct);
  applyLosses(s, 'taiwan', [sc.roles.taiwanMain], GROUND, out.defenderLossPct);
  t.chinaLosses += out.attackerLossPct;
  if (out.result === 'advance' || out.result === 'breakthrough') {
    t.phase = 'lodgement';
    t.since = s.turn;
    t.lodgement = Math.max(20, out.controlShift);
    ctx.setFlag('taiwanLanding');
    ctx.keyEvent(
      'taiwanLanding',
      'indoPacific',
      ['china', 'taiwan'],
      `PLA forces land on Taiwan and hold a lodgement (${t.lodgement}% control).`,
      sc.roles.taiwanMain,
    );
  } else if (
    out.result === 'attacker-routed' ||
    t.crossingTurns >= sc.rules.taiwan.maxCrossingTurns
  ) {
    repulse(
      ctx,
      out.result === 'attacker-routed'
        ? 'the assault fleet is routed in the Strait'
        : 'the crossing fails to get ashore in time',
    );
  }
  return 1;
}

function lodgementStep(ctx: Ctx): number {
  const s = ctx.s;
  const sc = ctx.sc;
  const t = s.taiwan;
  const air = indoPacificAirSea(s, sc);
  const breakout = t.phase === 'breakout';
  const out = fight(ctx, breakout ? 'breakout' : 'lodgement', 'indoPacific', sc.roles.taiwanMain, {
    attacker: 'china',
    defender: 'taiwan',
    // Air superiority over the beachhead (close air support, resupply) scales the fight ashore.
    attack: Math.trunc((assault(ctx) * (100 + air.control)) / 100),
    defence: defence(ctx),
    terrain: breakout ? 'urban' : 'island',
    attackerSupply: clamp(50 + Math.trunc(air.control / 2), 0, 100),
    defenderSupply: s.tracks.taiwanSupply,
    airSea: air.control,
    attackerReadiness: s.blocs.china.readiness,
    defenderReadiness: avgReadiness(ctx, 'taiwan'),
    extra: t.defenceBonus
      ? [{ name: 'hardened defences', value: -Math.trunc(t.defenceBonus / 2) }]
      : [],
  });
  applyLosses(s, 'china', [sc.roles.chinaStaging], GROUND, out.attackerLossPct);
  applyLosses(s, 'taiwan', [sc.roles.taiwanMain], GROUND, out.defenderLossPct);
  t.chinaLosses += out.attackerLossPct;
  const from = t.lodgement;
  const swing =
    out.result === 'attacker-routed' ? -30 : out.result === 'repulsed' ? -12 : out.controlShift;
  t.lodgement = clamp(from + swing, 0, 100);
  ctx.note(
    'indoPacific',
    ['china', 'taiwan'],
    `Lodgement control ${from}% → ${t.lodgement}% (${out.result}).`,
    sc.roles.taiwanMain,
  );
  if (t.lodgement === 0) repulse(ctx, 'the lodgement is destroyed');
  else if (t.lodgement >= 100) {
    t.phase = 'fallen';
    t.since = s.turn;
    ctx.setFlag('taipeiFallen');
    const region = s.regions[sc.roles.taiwanMain]
      ? regionForWrite(s, sc.roles.taiwanMain)
      : undefined;
    if (region) {
      region.owner = 'china';
      region.control = 60;
    }
    ctx.keyEvent(
      'taipeiFalls',
      'indoPacific',
      ['china', 'taiwan'],
      'Taipei falls: the PLA controls the capital.',
      sc.roles.taiwanMain,
    );
  } else if (!breakout && t.lodgement >= sc.rules.taiwan.breakoutControl) {
    t.phase = 'breakout';
    t.since = s.turn;
    ctx.note(
      'indoPacific',
      ['china', 'taiwan'],
      'PLA forces break out of the lodgement towards Taipei.',
      sc.roles.taiwanMain,
    );
  }
  const region = s.regions[sc.roles.taiwanMain]
    ? regionForWrite(s, sc.roles.taiwanMain)
    : undefined;
  if (region && region.owner === 'taiwan') {
    region.control = 100 - t.lodgement;
    region.contested = t.lodgement > 0;
  }
  return 1;
}

function repulse(ctx: Ctx, why: string): void {
  const s = ctx.s;
  const t = s.taiwan;
  t.phase = 'repulsed';
  t.since = s.turn;
  t.lodgement = 0;
  ctx.setFlag('invasionRepulsed');
  applyLosses(s, 'china', [ctx.sc.roles.chinaStaging], GROUND, ctx.sc.rules.taiwan.repulseLossPct);
  ctx.adjustSupport('china', -10, 'a failed invasion');
  ctx.note(
    'indoPacific',
    ['china', 'taiwan'],
    `The invasion is repulsed: ${why}.`,
    ctx.sc.roles.taiwanMain,
  );
  const region = s.regions[ctx.sc.roles.taiwanMain]
    ? regionForWrite(s, ctx.sc.roles.taiwanMain)
    : undefined;
  if (region) {
    region.control = 100;
    region.contested = false;
  }
}

function avgReadiness(ctx: Ctx, actor: 'taiwan'): number {
  let n = 0;
  let total = 0;
  for (const f of ctx.s.forces)
    if (f.actor === actor) {
      n += f.strength;
      total += f.strength * f.readiness;
    }
  return n === 0 ? 0 : Math.trunc(total / n);
}

/**
 * Under a long blockade Taiwan may accept terms: the lower its supply and its people's support,
 * the likelier, and a US intervention makes it much less likely.
 *
 * @example
 * capitulation(ctx); // rolls only while blockaded below the scenario's capitulation supply
 */
export function capitulation(ctx: Ctx): void {
  const s = ctx.s;
  const r = ctx.sc.rules.taiwan;
  if (
    !s.flags.blockadeActive ||
    s.tracks.taiwanSupply > r.capitulationSupply ||
    s.flags.indoPacificSettlement
  )
    return;
  const modifiers = [
    {
      name: `supply below ${r.capitulationSupply}`,
      value: (r.capitulationSupply - s.tracks.taiwanSupply) * 2,
    },
    {
      name: 'domestic support below 50',
      value: Math.max(0, Math.trunc((50 - s.actors.taiwan.support) / 2)),
    },
    { name: 'US intervening', value: s.flags.usIntervened ? -15 : 0 },
  ];
  const chance = clamp(
    modifiers.reduce((t, m) => t + m.value, 0),
    0,
    60,
  );
  const yields = ctx.chanceRoll({
    purpose: 'taiwan:capitulation',
    chance,
    kind: 'capitulation',
    theater: 'indoPacific',
    region: ctx.sc.roles.taiwanMain,
    actors: ['taiwan', 'china'],
    inputs: {
      taiwanSupply: s.tracks.taiwanSupply,
      support: s.actors.taiwan.support,
      usIntervened: s.flags.usIntervened,
    },
    modifiers,
    result: ['Taiwan accepts terms', 'Taiwan holds out'],
    text: (roll, ok) =>
      `Blockade pressure: chance Taiwan accepts terms ${chance}%, roll ${roll}: ${ok ? 'Taipei accepts talks on Beijing’s terms' : 'Taiwan holds out'}.`,
  });
  if (yields) {
    ctx.setFlag('taiwanNegotiating');
    ctx.setFlag('chinaNegotiating');
    ctx.setFlag('indoPacificSettlement');
    ctx.setFlag('blockadeActive', false);
    s.taiwan.phase = 'settled';
    s.taiwan.since = s.turn;
    ctx.deescalate('indoPacific', 2, 'a coerced settlement');
  }
}
