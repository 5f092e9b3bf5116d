import { engage, lossPoints } from '../combat';
import type { Ctx } from '../context';
import { airSeaProduction, airSeaStep, MILLI, strikeWarActive, units } from '../air-sea';
import { blockadeStep } from './blockade';
import { GROUND, strength } from '../measures';
import {
  clamp,
  forceById,
  raiseForce,
  regionForWrite,
  removePoints,
  type GameState,
  type RegionState,
} from '../state';
import type { Scenario } from '../scenario/schema';

/**
 * The Taiwan campaign as forces, one 12-hour step at a time: the air and sea war over the Strait
 * (src/sim/air-sea.ts), the blockade, and the invasion: waves carried by the amphibious fleet that
 * survives, a lodgement held by the forces ashore, supplied by what the fleet, a captured port and
 * a captured airfield can bring, and a fight for Taiwan sector by sector (the scenario's
 * `taiwanCampaign.sectors`, from the landing beaches to the capital). A wave thrown back is a
 * repulse, not the end: the campaign ends only when the fleet or the army to carry is gone.
 * Returns the number of engagements fought (they spend munitions).
 *
 * @example
 * ctx.atStep(k);
 * ctx.s.turnStats.combats.china += taiwanCampaign(ctx);
 */
export function taiwanCampaign(ctx: Ctx): number {
  const s = ctx.s;
  let combats = 0;
  if (ctx.step === 0) airSeaProduction(ctx);
  const t = s.taiwan;
  if (t.phase === 'crossing' && t.beganHour < 0) begin(ctx);
  interventionDue(ctx);
  airSeaStep(ctx);
  // Convoys sail against the sea control the air and sea war leaves, once it is being fought.
  combats += blockadeStep(ctx, strikeWarActive(s) ? s.airSea.seaControl : undefined);
  if (t.phase === 'crossing') combats += landingStep(ctx);
  else if (t.phase === 'lodgement' || t.phase === 'breakout') combats += lodgementStep(ctx);
  return combats;
}

/** The first step of the invasion: the fleet sails; Taiwan's army deploys to its sectors. */
function begin(ctx: Ctx): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const t = s.taiwan;
  t.beganHour = ctx.stepStart();
  const total = strength(s, 'taiwan', [sc.roles.taiwanMain], GROUND);
  const raw = rawStrength(s, 'taiwan', sc.roles.taiwanMain);
  t.defenders = sc.taiwanCampaign.sectors.map((x) => Math.trunc((raw * x.defenceSharePct) / 100));
  t.sectorControl = sc.taiwanCampaign.sectors.map(() => 0);
  t.front = 0;
  ctx.keyEvent(
    'invasionBegins',
    'indoPacific',
    ['china', 'taiwan'],
    `The invasion fleet sails: ${units(s.airSea.stocks.china.amphibious)} amphibious ships and ferries; ` +
      `Taiwan deploys ${raw} points of ground forces (effective ${total}) to ${sc.taiwanCampaign.sectors
        .map((x, i) => `${x.name} ${t.defenders[i]}`)
        .join(', ')}.`,
    sc.roles.taiwanStrait,
    t.beganHour,
  );
}

/**
 * The US enters when the lever says: `prompt` from the invasion's first step, `delayed` the
 * scenario's number of days after it, `none` never. Japan's bases open with it when the
 * `japanBases` lever allows.
 */
function interventionDue(ctx: Ctx): void {
  const s = ctx.s;
  const t = s.taiwan;
  if (t.beganHour < 0 || s.flags.usIntervened) return;
  const lever = s.levers.usIntervention;
  if (lever === 'none') return;
  const days = lever === 'prompt' ? 0 : ctx.sc.rules.taiwanOps.usDelayedDays;
  const due = t.beganHour + days * 24;
  if (ctx.stepStart() < due) return;
  intervene(
    ctx,
    lever === 'prompt'
      ? 'lever usIntervention=prompt: from the invasion’s first step'
      : `lever usIntervention=delayed: ${days} days after the invasion began`,
  );
}

/**
 * The United States enters the war for Taiwan (by lever, or by the US seat's decision).
 *
 * @example
 * intervene(ctx, 'the President orders US forces to defend Taiwan');
 */
export function intervene(ctx: Ctx, why: string): void {
  const s = ctx.s;
  if (s.flags.usIntervened) return;
  ctx.setFlag('usIntervened');
  s.taiwan.usInterveneTurn = s.turn;
  ctx.keyEvent(
    'usIntervenes',
    'indoPacific',
    ['usa', 'china', 'taiwan'],
    `The United States intervenes to defend Taiwan (${why}): carriers, bombers and submarines engage.`,
    ctx.sc.roles.taiwanStrait,
    ctx.stepStart(),
  );
  if (s.levers.japanBases && !s.flags.japanBasesOpen) {
    ctx.setFlag('japanBasesOpen');
    ctx.note(
      'indoPacific',
      ['japan', 'usa'],
      'Japan opens its bases, Okinawa included, to US combat operations (lever japanBases).',
      'ryukyus',
    );
  }
  ctx.escalate('indoPacific', 5, 'US forces engage China', ['usa', 'china']);
}

function rawStrength(s: GameState, actor: 'taiwan' | 'china', region: string): number {
  let n = 0;
  for (const f of s.forces)
    if (f.actor === actor && f.kind === 'ground' && f.region === region) n += f.strength;
  return n;
}

function avgGroundReadiness(s: GameState, actor: 'taiwan' | 'china', region: string): number {
  let n = 0;
  let total = 0;
  for (const f of s.forces)
    if (f.actor === actor && f.kind === 'ground' && f.region === region) {
      n += f.strength;
      total += f.strength * f.readiness;
    }
  return n === 0 ? 0 : Math.trunc(total / n);
}

/**
 * Lift this step, in strength points. Ships carry it; a captured port lets them unload much
 * faster (ferries at a quay instead of landing craft on a beach), so a port multiplies what the
 * surviving fleet brings but brings nothing by itself; a captured airfield adds airlift while
 * China holds the air over it.
 */
function liftCapacity(ctx: Ctx): { ships: number; port: number; air: number; total: number } {
  const s = ctx.s;
  const r = ctx.sc.rules.taiwanOps;
  const base = Math.trunc(
    Math.trunc((s.airSea.stocks.china.amphibious * r.liftPerShipPm) / 1000) / MILLI,
  );
  let ports = 0;
  let fields = 0;
  ctx.sc.taiwanCampaign.sectors.forEach((x, i) => {
    if (s.taiwan.sectorControl[i]! < 100) return;
    if (x.port) ports++;
    if (x.airfield) fields++;
  });
  const port = Math.trunc((base * ports * r.portLiftPct) / 100);
  const air =
    s.airSea.airControl > 0 ? Math.trunc((fields * r.airfieldLift * s.airSea.airControl) / 100) : 0;
  return { ships: base, port, air, total: base + port + air };
}

/** The attacker's and defender's multipliers that every fight on Taiwan shares. */
function sides(ctx: Ctx, supply: number) {
  const s = ctx.s;
  const r = ctx.sc.rules.taiwanOps;
  const floor = ctx.sc.engagement.supplyFloorPct;
  const supplyMult = (pct: number): number => floor + Math.trunc(((100 - floor) * pct) / 100);
  const attacker = [
    { name: 'supply', value: supplyMult(supply) },
    {
      name: `air control ${s.airSea.airControl}`,
      value: 100 + Math.trunc((s.airSea.airControl * r.airSupportPct) / 100),
    },
  ];
  const defender = [
    { name: 'Taiwan supply', value: supplyMult(s.tracks.taiwanSupply) },
    ...(s.taiwan.defenceBonus
      ? [{ name: 'hardened defences', value: 100 + s.taiwan.defenceBonus * r.hardenedPctPerPoint }]
      : []),
  ];
  return { attacker, defender };
}

/** Taiwan's map region, copied for writing, or undefined when the scenario has none by that id. */
function taiwanRegion(ctx: Ctx): RegionState | undefined {
  const id = ctx.sc.roles.taiwanMain;
  return ctx.s.regions[id] ? regionForWrite(ctx.s, id) : undefined;
}

/** China's ground forces on the coast that can still be carried across. */
function staging(ctx: Ctx): number {
  return rawStrength(ctx.s, 'china', ctx.sc.roles.chinaStaging);
}

/** Whether China can go on: enough of the fleet afloat (or a port), and troops to carry. */
function capacityBroken(ctx: Ctx): string | null {
  const s = ctx.s;
  const r = ctx.sc.rules.taiwanOps;
  const fleetPct = Math.trunc(
    (s.airSea.stocks.china.amphibious * 100) /
      Math.max(1, ctx.sc.rules.airSea.chinaAmphibious * MILLI),
  );
  const portHeld = liftCapacity(ctx).port > 0;
  if (!portHeld && fleetPct < r.minAmphibPct)
    return `only ${fleetPct}% of the amphibious fleet is afloat (below ${r.minAmphibPct}%) and no port is held`;
  if (s.taiwan.ashore === 0 && staging(ctx) < r.minStagingPoints)
    return `fewer than ${r.minStagingPoints} points of ground forces are left to carry`;
  return null;
}

/**
 * What a settlement does to the forces ashore follows the military situation: a lodgement that
 * can still be supplied stays where it is (a ceasefire in place, Taiwan's status unresolved); one
 * that is starving, or whose fleet is gone, is withdrawn under the terms.
 *
 * @example
 * settleLodgement(ctx); // in settle(), when both sides accept terms over Taiwan
 */
export function settleLodgement(ctx: Ctx): void {
  const s = ctx.s;
  const t = s.taiwan;
  if (t.ashore <= 0) return;
  const r = ctx.sc.rules.taiwanOps;
  const broken = capacityBroken(ctx);
  if (!broken && t.ashoreSupply >= r.settlementHoldSupplyPct) {
    ctx.note(
      'indoPacific',
      ['china', 'taiwan'],
      `The ceasefire leaves ${t.ashore} points of PLA forces ashore (supplied at ${t.ashoreSupply}%), holding ${t.lodgement}% of the way to Taipei.`,
      ctx.sc.roles.taiwanMain,
    );
    return;
  }
  const n = t.ashore;
  t.ashore = 0;
  t.front = 0;
  t.sectorControl = t.sectorControl.map(() => 0);
  t.lodgement = 0;
  syncLodgementForce(ctx, 0);
  const region = taiwanRegion(ctx);
  if (region && region.owner === 'taiwan') {
    region.control = 100;
    region.contested = false;
  }
  ctx.note(
    'indoPacific',
    ['china', 'taiwan'],
    `Under the settlement the PLA withdraws its ${n} points of forces from Taiwan: ${broken ?? `supplied at only ${t.ashoreSupply}% (below ${r.settlementHoldSupplyPct}%)`}, the lodgement could not have held.`,
    ctx.sc.roles.taiwanMain,
  );
}

/** Keep the lodgement's force counter (what the map and the strength readers see) in step. */
function syncLodgementForce(ctx: Ctx, readiness: number): void {
  const s = ctx.s;
  s.flags.plaAshore = s.taiwan.ashore > 0 || s.taiwan.phase === 'fallen';
  const id = 'cn-lodgement';
  const f = forceById(s, id);
  if (f) {
    f.strength = s.taiwan.ashore;
    f.readiness = readiness;
  } else if (s.taiwan.ashore > 0)
    raiseForce(
      s,
      {
        id,
        actor: 'china',
        region: ctx.sc.roles.taiwanMain,
        kind: 'ground',
        strength: s.taiwan.ashore,
        readiness,
      },
      'PLA forces ashore on Taiwan (the lodgement)',
    );
}

/** Taiwan's losses in a sector come out of its ground forces too. */
function defenderLoss(ctx: Ctx, sector: number, points: number): void {
  const t = ctx.s.taiwan;
  const n = Math.min(points, t.defenders[sector]!);
  t.defenders[sector] = t.defenders[sector]! - n;
  removePoints(ctx.s, 'taiwan', [ctx.sc.roles.taiwanMain], GROUND, n);
}

/** A landing wave: what the fleet afloat can carry, against the beach defenders. */
function landingStep(ctx: Ctx): number {
  const s = ctx.s;
  const sc = ctx.sc;
  const t = s.taiwan;
  const r = sc.rules.taiwanOps;
  const broken = capacityBroken(ctx);
  if (broken) {
    repulse(ctx, broken);
    return 0;
  }
  // After a failed wave the fleet regroups and combat-loads again before the next one.
  if (ctx.stepStart() < t.regroupUntil) return 0;
  const lift = liftCapacity(ctx);
  const first = t.landed === 0;
  const airborne = first ? r.airborneFirstWave : 0;
  // An assault wave is planned: every ship sails at once, combat-loaded, several times the
  // shuttle's cadence of later steps.
  const byShip = Math.trunc((lift.ships * r.firstWavePct) / 100);
  const readiness = avgGroundReadiness(s, 'china', sc.roles.chinaStaging);
  const wave = removePoints(
    s,
    'china',
    [sc.roles.chinaStaging],
    GROUND,
    byShip + lift.port + lift.air + airborne,
  );
  if (wave === 0) {
    repulse(ctx, 'no troops could be embarked');
    return 0;
  }
  const beach = Math.trunc((t.defenders[0]! * r.beachSharePct) / 100);
  const twReadiness = avgGroundReadiness(s, 'taiwan', sc.roles.taiwanMain);
  const m = sides(ctx, 100);
  const out = engage(ctx, 'landing', 'indoPacific', sc.roles.taiwanMain, {
    attacker: {
      actor: 'china',
      power: Math.trunc((wave * readiness) / 100),
      multipliers: m.attacker,
    },
    defender: {
      actor: 'taiwan',
      power: Math.trunc((beach * twReadiness) / 100),
      multipliers: m.defender,
    },
    terrain: 'strait',
  });
  const aLost = lossPoints(wave, Math.trunc((out.attackerLossPm * r.landingLossPct) / 100));
  defenderLoss(ctx, 0, lossPoints(beach, out.defenderLossPm));
  t.chinaLosses += aLost;
  t.landed += wave;
  // A wave gets ashore unless it is overwhelmed on the beach: what survives holds a beachhead,
  // and the fight for it goes on step by step (CSIS: the PLA always got ashore; the question was
  // whether it could be supplied).
  const control = r.beachheadControl + out.shift;
  if (control > 0) {
    t.ashore = wave - aLost;
    t.sectorControl[0] = control;
    t.phase = 'lodgement';
    t.since = s.turn;
    ctx.setFlag('taiwanLanding');
    syncLodgementForce(ctx, readiness);
    ctx.keyEvent(
      'taiwanLanding',
      'indoPacific',
      ['china', 'taiwan'],
      `PLA forces land in ${sc.taiwanCampaign.sectors[0]!.name}: ${wave} points come ashore (${lift.ships} by sea, ${airborne} by air), ${aLost} are lost on the beaches; the lodgement holds ${t.sectorControl[0]}% of the sector.`,
      sc.roles.taiwanMain,
    );
  } else {
    t.failedWaves++;
    t.chinaLosses += wave - aLost;
    t.regroupUntil = ctx.stepStart() + r.regroupSteps * ctx.sc.rules.clock.stepHours;
    if (!ctx.quiet)
      ctx.note(
        'indoPacific',
        ['china', 'taiwan'],
        `The landing wave (${wave} points) is thrown back on the beaches of ${sc.taiwanCampaign.sectors[0]!.name}: ${wave} points lost or captured (wave ${t.failedWaves} to fail). The fleet will try again while it can.`,
        sc.roles.taiwanMain,
      );
  }
  return 1;
}

/** Forces ashore: supply and build-up, reserves, and the fight for the front sector. */
function lodgementStep(ctx: Ctx): number {
  const s = ctx.s;
  const sc = ctx.sc;
  const t = s.taiwan;
  const r = sc.rules.taiwanOps;
  const sectors = sc.taiwanCampaign.sectors;
  // Lift goes to supplying the forces ashore first; what is left lands more troops.
  const lift = liftCapacity(ctx);
  const need = Math.max(1, Math.trunc((t.ashore * r.supplyNeedPm) / 1000));
  const supply = Math.min(100, Math.trunc((lift.total * 100) / need));
  t.ashoreSupply = supply;
  const spare = Math.max(0, lift.total - need);
  const landed = removePoints(s, 'china', [sc.roles.chinaStaging], GROUND, spare);
  t.ashore += landed;
  t.landed += landed;
  const withered = supply < 100 ? lossPoints(t.ashore, ((100 - supply) * r.witherPm) / 100) : 0;
  t.ashore -= withered;
  t.chinaLosses += withered;
  // Taiwan moves reserves from quiet sectors to the threatened one.
  let moved = 0;
  for (let i = 0; i < sectors.length; i++) {
    // The capital's garrison stays; other quiet sectors send part of theirs to the front.
    if (i === t.front || t.sectorControl[i]! >= 100 || sectors[i]!.capital) continue;
    const n = Math.trunc((t.defenders[i]! * r.reserveMovePm) / 1000);
    t.defenders[i] = t.defenders[i]! - n;
    moved += n;
  }
  t.defenders[t.front] = t.defenders[t.front]! + moved;
  // Reservists called up when the fleet sailed form new units and join the capital's defence.
  const perDay = Math.max(1, Math.trunc(24 / sc.rules.clock.stepHours));
  const flow = ctx.step % perDay === 0 ? r.reserveFlowPerDay : 0;
  if (flow > 0) {
    const last = sectors.length - 1;
    t.defenders[last] = t.defenders[last]! + flow;
    const reserve = forceById(s, sc.taiwanCampaign.reserveForce);
    if (reserve) reserve.strength += flow;
  }
  const sector = sectors[t.front]!;
  const readiness = avgGroundReadiness(s, 'china', sc.roles.chinaStaging) || 60;
  const twReadiness = avgGroundReadiness(s, 'taiwan', sc.roles.taiwanMain);
  const m = sides(ctx, supply);
  if (!ctx.quiet)
    ctx.emit({
      type: 'adjudication',
      kind: 'lift',
      theater: 'indoPacific',
      region: sc.roles.taiwanMain,
      actors: ['china', 'taiwan'],
      visibleTo: 'all',
      inputs: {
        amphibiousAfloat: units(s.airSea.stocks.china.amphibious),
        liftShips: lift.ships,
        liftPort: lift.port,
        liftAirfield: lift.air,
        ashore: t.ashore,
        need,
      },
      modifiers: [
        { name: 'supply of the forces ashore (%)', value: supply },
        { name: 'troops landed', value: landed },
        { name: 'lost for want of supply', value: -withered },
        { name: 'Taiwanese reserves moved to the front', value: moved },
      ],
      roll: null,
      result: `${t.ashore} points ashore, supply ${supply}%`,
      text: `Lift: ${lift.total} points (${units(s.airSea.stocks.china.amphibious)} ships afloat carry ${lift.ships}, ports ${lift.port}, airfields ${lift.air}); the ${t.ashore + withered - landed} points ashore need ${need}: supply ${supply}%, ${landed} more land, ${withered} lost for want of supply. Taiwan moves ${moved} points of reserves to ${sector.name}.`,
    });
  const out = engage(ctx, `${t.phase}:${sector.id}`, 'indoPacific', sc.roles.taiwanMain, {
    attacker: {
      actor: 'china',
      power: Math.trunc((t.ashore * readiness) / 100),
      multipliers: m.attacker,
    },
    defender: {
      actor: 'taiwan',
      // Only part of a sector's defenders can be brought to bear on the lodgement at once.
      power: Math.trunc(
        (Math.trunc((t.defenders[t.front]! * r.engagedDefenderPct) / 100) * twReadiness) / 100,
      ),
      multipliers: m.defender,
    },
    terrain: sector.terrain,
  });
  const aLost = lossPoints(t.ashore, out.attackerLossPm);
  t.ashore -= aLost;
  t.chinaLosses += aLost;
  defenderLoss(
    ctx,
    t.front,
    lossPoints(
      Math.trunc((t.defenders[t.front]! * r.engagedDefenderPct) / 100),
      out.defenderLossPm,
    ),
  );
  // A deep sector (mountains, the Taipei basin) takes more fighting for the same control.
  const from = t.sectorControl[t.front]!;
  const shift = Math.trunc((out.shift * 100) / sector.depthPct);
  t.sectorControl[t.front] = clamp(from + shift, 0, 100);
  syncLodgementForce(ctx, readiness);
  if (t.sectorControl[t.front] === 100) takeSector(ctx);
  else if (t.sectorControl[t.front] === 0 || t.ashore === 0) {
    if (t.front === 0 || t.ashore === 0) lodgementLost(ctx);
    else {
      // The counter-attackers follow the PLA back into the sector it came from.
      const follow = Math.trunc((t.defenders[t.front]! * r.retreatPct) / 100);
      t.defenders[t.front] = t.defenders[t.front]! - follow;
      t.front--;
      t.defenders[t.front] = t.defenders[t.front]! + follow;
      t.sectorControl[t.front] = Math.min(t.sectorControl[t.front]!, r.pushedBackControl);
      ctx.note(
        'indoPacific',
        ['china', 'taiwan'],
        `Taiwan's counter-attack throws the PLA back into ${sectors[t.front]!.name} (${t.sectorControl[t.front]}% held).`,
        sc.roles.taiwanMain,
      );
    }
  }
  t.lodgement = lodgementProgress(s, sc);
  const region = taiwanRegion(ctx);
  if (region && region.owner === 'taiwan') {
    region.control = 100 - t.lodgement;
    region.contested = t.ashore > 0;
  }
  return 1;
}

/** China's progress over the whole path to the capital, 0..100. */
function lodgementProgress(s: GameState, sc: Scenario): number {
  const n = sc.taiwanCampaign.sectors.length;
  let total = 0;
  for (const c of s.taiwan.sectorControl) total += c;
  return Math.trunc(total / n);
}

function takeSector(ctx: Ctx): void {
  const s = ctx.s;
  const sc = ctx.sc;
  const t = s.taiwan;
  const sector = sc.taiwanCampaign.sectors[t.front]!;
  const gains = [
    sector.port ? `the port of ${sector.port}` : '',
    sector.airfield ? `the airfield at ${sector.airfield}` : '',
  ].filter(Boolean);
  if (sector.capital) {
    t.phase = 'fallen';
    t.since = s.turn;
    ctx.setFlag('taipeiFallen');
    ctx.setFlag('plaAshore');
    const region = taiwanRegion(ctx);
    if (region) {
      region.owner = 'china';
      region.control = sc.rules.taiwanOps.capitalHoldControl;
    }
    ctx.keyEvent(
      'taipeiFalls',
      'indoPacific',
      ['china', 'taiwan'],
      `${sector.capital} falls: the PLA controls ${sector.name}, ${Math.trunc((ctx.hour - t.beganHour) / 24)} days after the fleet sailed.`,
      sc.roles.taiwanMain,
    );
    return;
  }
  // The sector's surviving defenders fall back into the next one, less those cut off.
  const back = Math.trunc((t.defenders[t.front]! * ctx.sc.rules.taiwanOps.retreatPct) / 100);
  defenderLoss(ctx, t.front, t.defenders[t.front]! - back);
  t.defenders[t.front] = 0;
  t.defenders[t.front + 1] = t.defenders[t.front + 1]! + back;
  t.front++;
  t.phase = 'breakout';
  t.since = s.turn;
  const text = `The PLA takes ${sector.name}${gains.length ? `, with ${gains.join(' and ')}` : ''}, and pushes on into ${sc.taiwanCampaign.sectors[t.front]!.name}.`;
  if (sector.port)
    ctx.keyEvent('portFalls', 'indoPacific', ['china', 'taiwan'], text, sc.roles.taiwanMain);
  else ctx.note('indoPacific', ['china', 'taiwan'], text, sc.roles.taiwanMain);
}

/** The forces ashore are destroyed: China lands again if it still can, else the invasion fails. */
function lodgementLost(ctx: Ctx): void {
  const s = ctx.s;
  const t = s.taiwan;
  t.chinaLosses += t.ashore;
  t.ashore = 0;
  t.front = 0;
  t.sectorControl = t.sectorControl.map(() => 0);
  t.failedWaves++;
  syncLodgementForce(ctx, 0);
  const broken = capacityBroken(ctx);
  if (broken) {
    repulse(ctx, `the lodgement is destroyed and ${broken}`);
    return;
  }
  t.phase = 'crossing';
  t.since = s.turn;
  t.regroupUntil =
    ctx.stepStart() + ctx.sc.rules.taiwanOps.regroupSteps * ctx.sc.rules.clock.stepHours;
  ctx.note(
    'indoPacific',
    ['china', 'taiwan'],
    'The lodgement is destroyed; China prepares another landing while the fleet can carry one.',
    ctx.sc.roles.taiwanMain,
  );
}

/** The invasion fails for good: China's capacity to go on is broken. */
function repulse(ctx: Ctx, why: string): void {
  const s = ctx.s;
  const t = s.taiwan;
  const sc = ctx.sc;
  t.phase = 'repulsed';
  t.since = s.turn;
  t.chinaLosses += t.ashore;
  t.ashore = 0;
  t.lodgement = 0;
  syncLodgementForce(ctx, 0);
  ctx.setFlag('invasionRepulsed');
  ctx.adjustSupport('china', -sc.rules.taiwanOps.repulseSupportLoss, 'a failed invasion');
  ctx.keyEvent(
    'invasionRepulsed',
    'indoPacific',
    ['china', 'taiwan'],
    `The invasion fails ${Math.trunc((ctx.hour - t.beganHour) / 24)} days after the fleet sailed: ${why}. China has lost ${t.chinaLosses} points of ground forces, ${units(s.airSea.lost.china.amphibious)} amphibious ships and ${units(s.airSea.lost.china.surface)} warships.`,
    sc.roles.taiwanMain,
  );
  const region = taiwanRegion(ctx);
  if (region) {
    region.control = 100;
    region.contested = false;
  }
}
