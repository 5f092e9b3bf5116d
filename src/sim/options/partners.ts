import { clamp, raiseForce } from '../state';
import { settle } from './shared';
import { chinaCampaignActive, costTerms, param, terms, type OptionBehaviour } from './types';

/** Taiwan, Japan and Ukraine: the frontline partners whose choices shape both campaigns. */

export const taiwan = {
  'taiwan.mobilise': {
    legal: (v) => {
      if (v.s.tracks.escalation.indoPacific < 2) return 'no threat that justifies mobilisation';
      const full = param(v.sc, 'taiwan.mobilise', 'fullReadiness');
      return v.s.forces.every((f) => f.actor !== 'taiwan' || f.readiness >= full)
        ? 'forces are already fully mobilised'
        : null;
    },
    assess: (v) => {
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain: ai.taiwanMobiliseGain + v.s.tracks.escalation.indoPacific * ai.taiwanMobilisePerRung,
        ...costTerms(v.sc, 'taiwan.mobilise'),
      });
    },
    apply: (ctx) => {
      const id = 'taiwan.mobilise';
      const gain = param(ctx.sc, id, 'readinessGain');
      for (const f of ctx.s.forces)
        if (f.actor === 'taiwan') f.readiness = clamp(f.readiness + gain, 0, 100);
      ctx.adjustSupport('taiwan', -param(ctx.sc, id, 'supportLoss'), 'call-up of reservists');
    },
  },
  'taiwan.harden': {
    legal: (v) =>
      v.s.taiwan.defenceBonus >= param(v.sc, 'taiwan.harden', 'maxBonus')
        ? 'defences are as hard as they can be made'
        : null,
    assess: (v) => {
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain:
          ai.hardenGain +
          v.s.tracks.escalation.indoPacific * ai.hardenPerRung -
          Math.trunc(v.s.taiwan.defenceBonus / ai.hardenBonusDivisor),
        ...costTerms(v.sc, 'taiwan.harden'),
      });
    },
    apply: (ctx) => {
      const from = ctx.s.taiwan.defenceBonus;
      ctx.s.taiwan.defenceBonus = Math.min(
        param(ctx.sc, 'taiwan.harden', 'maxBonus'),
        from + param(ctx.sc, 'taiwan.harden', 'defenceGain'),
      );
      ctx.note(
        'indoPacific',
        ['taiwan'],
        `Taiwan hardens its defences: defence modifier ${from} → ${ctx.s.taiwan.defenceBonus}.`,
        ctx.sc.roles.taiwanMain,
      );
    },
  },
  'taiwan.appeal': {
    legal: (v) =>
      !chinaCampaignActive(v.s) && v.s.tracks.escalation.indoPacific < 2
        ? 'no crisis to appeal about'
        : null,
    assess: (v) => {
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain: ai.appealGain + (v.s.flags.usIntervened ? 0 : ai.appealAloneGain),
        alliance: ai.appealAlliance,
      });
    },
    apply: (ctx) => {
      const id = 'taiwan.appeal';
      ctx.adjust('nonAligned', param(ctx.sc, id, 'nonAlignedShift'), "Taiwan's appeal");
      ctx.adjust(
        'usPacificTarget',
        param(ctx.sc, id, 'usResolveGain'),
        "Taiwan's appeal to Washington",
        'indoPacific',
      );
    },
  },
  'taiwan.negotiate': {
    legal: (v) =>
      !chinaCampaignActive(v.s)
        ? 'no campaign to negotiate over'
        : v.s.flags.taiwanNegotiating
          ? 'talks already open'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain:
          (v.s.flags.chinaNegotiating ? ai.taiwanTalksGain : 0) +
          Math.trunc(
            (ai.taiwanTalksSupplyPivot - v.s.tracks.taiwanSupply) / ai.taiwanTalksDivisor,
          ) +
          Math.trunc(
            (ai.taiwanTalksSupportPivot - v.s.actors.taiwan.support) / ai.taiwanTalksDivisor,
          ),
        ...costTerms(v.sc, 'taiwan.negotiate'),
      });
    },
    apply: (ctx) => {
      const id = 'taiwan.negotiate';
      ctx.setFlag('taiwanNegotiating');
      ctx.adjustSupport('taiwan', -param(ctx.sc, id, 'supportLoss'), 'talks under duress');
      settle(ctx);
    },
  },
} satisfies Record<string, OptionBehaviour>;

export const japan = {
  'japan.open-bases': {
    legal: (v) =>
      !v.s.levers.japanBases
        ? 'lever japanBases=false: Tokyo has ruled out US combat operations from Japan'
        : v.s.flags.japanBasesOpen
          ? 'already open'
          : !chinaCampaignActive(v.s)
            ? 'no use of force by China yet'
            : null,
    assess: (v) => {
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain:
          ai.basesGain +
          (v.s.flags.usIntervened ? ai.basesIntervenedGain : 0) +
          (v.s.flags.strikesActive ? ai.basesStrikesGain : 0),
        risk: -ai.basesRisk,
        alliance: ai.basesAlliance,
        ...costTerms(v.sc, 'japan.open-bases'),
      });
    },
    apply: (ctx) => {
      ctx.setFlag('japanBasesOpen');
      ctx.note(
        'indoPacific',
        ['japan', 'usa'],
        'Japan opens its bases, Okinawa included, to US combat operations.',
        'ryukyus',
      );
    },
  },
  'japan.join-defence': {
    legal: (v) =>
      !v.s.flags.japanBasesOpen || !v.s.flags.usIntervened
        ? 'needs open bases and a US intervention'
        : v.s.flags.japanJoined
          ? 'already fighting'
          : !chinaCampaignActive(v.s) || ['settled', 'fallen'].includes(v.s.taiwan.phase)
            ? 'there is no fighting to join'
            : null,
    assess: (v) => {
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain:
          (v.s.flags.invasionLaunched ? ai.joinGainInvasion : ai.joinGain) +
          (v.s.flags.strikesActive ? ai.joinStrikesGain : 0),
        risk: -ai.joinRisk,
        alliance: ai.joinAlliance,
        ...costTerms(v.sc, 'japan.join-defence'),
      });
    },
    apply: (ctx) => {
      ctx.setFlag('japanJoined');
      const pct = param(ctx.sc, 'japan.join-defence', 'strengthPct');
      for (const f of ctx.s.forces)
        if (f.actor === 'japan' && f.kind !== 'ground')
          f.readiness = clamp(Math.max(f.readiness, pct), 0, 100);
      ctx.note(
        'indoPacific',
        ['japan', 'china'],
        'Japan joins the defence of Taiwan: the Self-Defense Forces engage.',
        'ryukyus',
      );
      ctx.escalate('indoPacific', 5, 'Japan enters the war', ['japan']);
    },
  },
  'japan.stay-out': {
    legal: (v) =>
      v.s.flags.japanJoined
        ? 'already fighting'
        : v.s.tracks.escalation.indoPacific < 3
          ? 'nothing to stay out of yet'
          : null,
    assess: (v) => {
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain:
          ai.stayOutGain +
          (v.s.flags.usIntervened ? -ai.stayOutIntervenedPenalty : ai.stayOutAloneGain),
        domestic: ai.stayOutDomestic,
      });
    },
    apply: (ctx) => {
      ctx.adjustSupport(
        'japan',
        param(ctx.sc, 'japan.stay-out', 'supportGain'),
        'staying out of the war',
      );
      ctx.note('indoPacific', ['japan'], 'Japan declares it will not take part in combat.');
    },
  },
  'japan.reinforce-ryukyus': {
    legal: (v) =>
      v.s.tracks.escalation.indoPacific < 2 ? 'no threat to the southwestern islands yet' : null,
    assess: (v) => {
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain: v.s.tracks.escalation.indoPacific * ai.ryukyusPerRung - ai.ryukyusOffset,
        ...costTerms(v.sc, 'japan.reinforce-ryukyus'),
      });
    },
    apply: (ctx) => {
      const gain = param(ctx.sc, 'japan.reinforce-ryukyus', 'strengthGain');
      const f = ctx.s.forces.find((x) => x.actor === 'japan' && x.region === 'ryukyus');
      if (f) f.strength += gain;
      else
        raiseForce(
          ctx.s,
          {
            id: 'japan-ryukyus-reinforcement',
            actor: 'japan',
            region: 'ryukyus',
            kind: 'missile',
            strength: gain,
            readiness: param(ctx.sc, 'japan.reinforce-ryukyus', 'readiness'),
          },
          'JGSDF southwestern islands reinforcement',
        );
      ctx.note('indoPacific', ['japan'], `Japan reinforces the Ryukyus (+${gain}).`, 'ryukyus');
    },
  },
} satisfies Record<string, OptionBehaviour>;

export const ukraine = {
  'ukraine.defend': {
    legal: (v) => (v.s.ukraine.status !== 'fighting' ? 'there is no active front' : null),
    assess: (v) => terms({ gain: v.sc.rules.aiPartners.defendGain }),
    apply: () => {
      // Read by the Ukraine front's adjudication this turn.
    },
  },
  'ukraine.counter-attack': {
    legal: (v) => (v.s.ukraine.status !== 'fighting' ? 'there is no active front' : null),
    assess: (v) => {
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain:
          (v.s.flags.secondFront ? ai.counterGainSecondFront : ai.counterGain) +
          (v.s.ukraine.russianOffensive ? 0 : ai.counterQuietGain),
        risk: -ai.counterRisk,
      });
    },
    apply: () => {
      // Read by the Ukraine front's adjudication this turn.
    },
  },
  'ukraine.accept-ceasefire': {
    legal: (v) =>
      v.s.ukraine.status !== 'fighting'
        ? 'there is no war to stop'
        : !v.s.flags.russiaNegotiating
          ? 'Russia has not offered a ceasefire'
          : null,
    assess: (v) => {
      const g = v.s.ukraine.guarantees;
      const layers = (g.ownForces ? 1 : 0) + (g.coalition ? 1 : 0) + (g.usBackstop ? 1 : 0);
      const ai = v.sc.rules.aiPartners;
      return terms({
        gain:
          layers * ai.ceasefirePerLayer -
          ai.ceasefireOffset +
          (v.s.flags.russiaNegotiating ? ai.ceasefireOfferedGain : 0),
        domestic:
          -v.sc.options['ukraine.accept-ceasefire'].cost.support *
          v.sc.rules.aiShared.supportCostWeight,
      });
    },
    apply: (ctx) => {
      const s = ctx.s;
      const g = s.ukraine.guarantees;
      s.ukraine.status = 'ceasefire';
      s.ukraine.russianOffensive = false;
      ctx.setFlag('ukraineCeasefire');
      const layers = [
        g.ownForces && "Ukraine's own forces",
        g.coalition && 'the coalition of the willing',
        g.usBackstop && 'the US backstop',
      ].filter(Boolean);
      ctx.keyEvent(
        'ceasefire',
        'europe',
        ['ukraine', 'russia'],
        `Ceasefire in Ukraine along the current line; guarantees: ${layers.join(', ') || 'none'}.`,
        ctx.sc.roles.ukraineHeld,
      );
      if (!g.coalition && !g.usBackstop)
        ctx.adjustSupport(
          'ukraine',
          -param(ctx.sc, 'ukraine.accept-ceasefire', 'supportLossUnguaranteed'),
          'a ceasefire without guarantees',
        );
    },
  },
  'ukraine.request-guarantees': {
    legal: (v) =>
      v.s.ukraine.status === 'russia-controls'
        ? 'no Ukrainian government in Kyiv'
        : v.s.ukraine.guarantees.coalition && v.s.ukraine.guarantees.usBackstop
          ? 'all layers are in place'
          : null,
    assess: (v) =>
      terms({
        gain:
          v.s.flags.russiaNegotiating || v.s.flags.peaceDraftTabled
            ? v.sc.rules.aiPartners.guaranteesGainInTalks
            : v.sc.rules.aiPartners.guaranteesGain,
      }),
    apply: (ctx) => {
      ctx.adjust(
        'natoCohesion',
        param(ctx.sc, 'ukraine.request-guarantees', 'cohesionGain'),
        "Ukraine's case for Article 5-like guarantees",
        'europe',
      );
    },
  },
} satisfies Record<string, OptionBehaviour>;
