import { PLAYABLE_ACTORS } from '../sim/ids';
import type { Controllers } from '../sim/replay';
import { LEVER_DOMAINS, LEVER_NAMES, type LeverName, type Levers } from '../sim/scenario/levers';
import type { LoadedScenario } from '../sim/scenario/load';
import type { Scenario } from '../sim/scenario/schema';
import { defaultLevers, resolveLevers } from '../sim/setup';
import { clear, h } from './dom';
import { fold } from './fold';
import { seatRow } from './seat-row';
import { renderBriefing } from './setup-briefing';
import { victoryPanel } from './setup-goals';
import { parseTurnLimit } from './turn-limit';
import type { GameSetup } from './driver';
import type { SavedGame, Saves } from './saves';
import { savedGamesPanel } from './saved-games';
import { bundledScenarioIds, isBundled, loadBundled } from './scenarios';
import type { InputProblem, Result } from '../sim/validation';
import { classroomSection, type ClassroomOptions } from './classroom/classroom-setup';

/**
 * The setup screen: scenario (with its briefing, sources and victory conditions), who plays each
 * seat, the seed, the game's length and the scenario's levers. One click on Start plays with
 * sensible defaults: the baseline, the United States as the human seat, a fresh random seed, the
 * scenario's full length and its own lever defaults. Start is the first control on the page; the
 * long sections (sides, levers) are folded under a summary of what they hold.
 */

export const LEVER_LABELS: Record<LeverName, string> = {
  usIntervention: 'US intervention for Taiwan',
  japanBases: 'Japanese bases open to US forces',
  balticForwardBrigades: 'Extra NATO brigades in the Baltic states',
  balticHeavyBrigades: 'Extra heavy brigades in the Baltic states',
  article5Credibility: 'Article 5 credibility (as Moscow sees it)',
  chinaRussiaCoordination: 'China–Russia coordination',
  natoSpendingPctGdp: 'European NATO defence spending (% of GDP)',
  ukraineStatus: 'Ukraine at the start',
  usArticle5Response: 'US answer to an Article 5 call',
  chinaCourse: "China's course",
  russiaCourse: "Russia's course",
  aiNoise: 'AI noise (% of each side’s doctrine; 0 = always its best choice)',
};

/** A fresh seed a person can read back and type: six letters and digits. */
export function randomSeed(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  const abc = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from(bytes, (b) => abc[b % abc.length]).join('');
}

export interface SetupScreen {
  readonly el: HTMLElement;
}

/** A scenario file the player loaded this session (listed after the bundled ones). */
export interface CustomScenario {
  /** `custom:N`: its own key, so a custom file may reuse a bundled scenario's id. */
  readonly key: string;
  readonly loaded: LoadedScenario;
  readonly file: string;
}

/** What the setup screen offers besides a new game: saved games, files, custom scenarios. */
export interface SetupLibrary {
  customs(): readonly CustomScenario[];
  /** A custom scenario to select at once (one just loaded). */
  readonly selectCustom: string | null;
  readonly saves: Saves;
  continueGame(game: SavedGame): void;
  viewGame(game: SavedGame): void;
  openFile(): void;
  notice(message: string): void;
}

/**
 * Offered when the page was opened with the facilitator's address: the same setup, run as a
 * classroom session on the server. `create` answers with a problem to show, or null.
 */
export interface ClassroomOffer {
  create(setup: GameSetup, options: ClassroomOptions): Promise<string | null>;
}

interface Choice {
  scenarioId: string;
  controllers: Controllers;
  seed: string;
  levers: Record<string, string | number | boolean>;
  /** The turn limit as typed; '' means the scenario's full length. */
  turns: string;
}

export function setupScreen(
  onStart: (setup: GameSetup) => void,
  initial: Partial<Choice> | undefined,
  library: SetupLibrary,
  classroom?: ClassroomOffer,
): SetupScreen {
  const customs = library.customs();
  const ids = [...bundledScenarioIds(), ...customs.map((c) => c.key)];
  const lookup = (key: string): Result<LoadedScenario, InputProblem[]> => {
    const c = customs.find((x) => x.key === key);
    return c ? { ok: true, value: c.loaded } : loadBundled(key);
  };
  const choice: Choice = {
    scenarioId:
      library.selectCustom && ids.includes(library.selectCustom)
        ? library.selectCustom
        : initial?.scenarioId && ids.includes(initial.scenarioId)
          ? initial.scenarioId
          : 'two-front',
    controllers:
      initial?.controllers ??
      (Object.fromEntries(
        PLAYABLE_ACTORS.map((a) => [a, a === 'usa' ? 'human' : 'ai']),
      ) as Controllers),
    seed: initial?.seed ?? randomSeed(),
    levers: {},
    turns: '',
  };

  const el = h('main', { class: 'setup', 'data-testid': 'setup' });
  const scenarioList = h('div', {
    class: 'scenario-list',
    role: 'radiogroup',
    'aria-label': 'Scenario',
  });
  const briefing = h('section', { class: 'briefing', 'aria-label': 'Briefing' });
  const goals = h('div', { class: 'goals-host' });
  const seats = h('fieldset', { class: 'seats' });
  const leverBox = h('fieldset', { class: 'levers' });
  const sidesFold = fold('sides', 'Sides');
  sidesFold.body.append(seats);
  const leversFold = fold('levers', 'Levers');
  leversFold.body.append(leverBox);
  const turnsInput = h('input', {
    id: 'turn-limit',
    type: 'number',
    inputmode: 'numeric',
    min: 1,
    step: 1,
    autocomplete: 'off',
    'aria-describedby': 'turn-limit-hint',
    'data-testid': 'turn-limit',
  });
  const turnsHint = h('span', { class: 'hint', id: 'turn-limit-hint' });
  turnsInput.addEventListener('input', () => {
    choice.turns = turnsInput.value;
    turnsInput.removeAttribute('aria-invalid');
  });
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'setup-error' });
  const seedInput = h('input', {
    id: 'seed',
    type: 'text',
    value: choice.seed,
    maxlength: 100,
    spellcheck: 'false',
    autocomplete: 'off',
    'data-testid': 'seed',
  });
  seedInput.addEventListener('input', () => {
    choice.seed = seedInput.value.trim();
  });
  const newSeed = h(
    'button',
    { type: 'button', class: 'ghost', title: 'Draw a new random seed' },
    'New seed',
  );
  newSeed.addEventListener('click', () => {
    choice.seed = randomSeed();
    seedInput.value = choice.seed;
  });

  const start = h(
    'button',
    { type: 'button', class: 'primary big', 'data-testid': 'start' },
    'Start',
  );
  /** The game as chosen, or null with the problem said (and its field focused). */
  function readSetup(): GameSetup | null {
    const loaded = lookup(choice.scenarioId);
    if (!loaded.ok) {
      error.textContent = loaded.error.map((p) => p.message).join('\n');
      return null;
    }
    if (choice.seed === '') {
      error.textContent = 'The seed cannot be empty: type one or draw a new one.';
      seedInput.focus();
      return null;
    }
    const levers = resolveLevers(loaded.value.scenario, choice.levers);
    if (!levers.ok) {
      error.textContent = levers.error.message;
      return null;
    }
    const maxTurns = loaded.value.scenario.calendar.maxTurns;
    const turns =
      choice.turns.trim() === ''
        ? { ok: true as const, value: maxTurns }
        : parseTurnLimit(choice.turns, maxTurns);
    if (!turns.ok) {
      error.textContent = turns.error;
      turnsInput.setAttribute('aria-invalid', 'true');
      turnsInput.focus();
      return null;
    }
    error.textContent = '';
    return {
      loaded: loaded.value,
      seed: choice.seed,
      levers: levers.value,
      controllers: { ...choice.controllers },
      turnLimit: turns.value,
      custom: !isBundled(loaded.value),
    };
  }
  start.addEventListener('click', () => {
    const setup = readSetup();
    if (setup) onStart(setup);
  });

  const session = classroom
    ? classroomSection(() => {
        const setup = readSetup();
        if (!setup) return;
        const options = session!.read();
        if (!options.ok) {
          error.textContent = options.error;
          return;
        }
        session!.setBusy(true);
        void classroom.create(setup, options.value).then((problem) => {
          session!.setBusy(false);
          if (problem) error.textContent = problem;
        });
      })
    : null;

  function renderScenarios(): void {
    clear(scenarioList);
    for (const id of ids) {
      const r = lookup(id);
      const custom = customs.find((c) => c.key === id);
      const name = r.ok ? r.value.scenario.name : id;
      const summary = r.ok ? r.value.scenario.summary : (r.error[0]?.message ?? '');
      const input = h('input', {
        type: 'radio',
        name: 'scenario',
        value: id,
        id: `scenario-${id}`,
        checked: id === choice.scenarioId,
        'data-testid': `scenario-${id}`,
      });
      input.addEventListener('change', () => {
        choice.scenarioId = id;
        choice.levers = {};
        choice.turns = '';
        renderDetails();
      });
      scenarioList.append(
        h(
          'label',
          { class: 'scenario-card', for: `scenario-${id}` },
          input,
          h('strong', { text: name }),
          custom ? h('span', { class: 'tag', text: `Custom · ${custom.file}` }) : null,
          h('span', { text: summary }),
        ),
      );
    }
  }

  function renderDetails(): void {
    const r = lookup(choice.scenarioId);
    clear(briefing);
    clear(goals);
    clear(seats);
    clear(leverBox);
    if (!r.ok) {
      briefing.append(h('p', { class: 'error', text: r.error.map((p) => p.message).join('\n') }));
      return;
    }
    renderBriefing(briefing, r.value);
    goals.append(victoryPanel(r.value.scenario));
    renderSeats(r.value.scenario);
    renderLevers(r.value.scenario);
    renderTurns(r.value.scenario);
  }

  function renderTurns(sc: Scenario): void {
    const max = sc.calendar.maxTurns;
    turnsInput.max = String(max);
    turnsInput.value = choice.turns === '' ? String(max) : choice.turns;
    turnsInput.removeAttribute('aria-invalid');
    turnsHint.textContent = `1 to ${max} turns of ${sc.calendar.turnHours} hours; the game ends at this turn unless an outcome ends it sooner.`;
  }

  /** The sides fold's summary: who the humans are, so it need not be opened to check. */
  function seatsSummary(sc: Scenario): void {
    const humans = PLAYABLE_ACTORS.filter((a) => choice.controllers[a] === 'human');
    const names = humans.map((a) => sc.actors[a]?.name ?? a);
    sidesFold.setSummary(
      humans.length === 0
        ? 'the AI plays every side'
        : humans.length === PLAYABLE_ACTORS.length
          ? 'humans play every side'
          : `human: ${names.join(', ')}; the AI plays the other ${PLAYABLE_ACTORS.length - humans.length}`,
    );
  }

  /** The levers fold's summary: how many differ from the scenario's own values. */
  function leversSummary(sc: Scenario): void {
    const defaults = defaultLevers(sc);
    const changed = LEVER_NAMES.filter(
      (n) => choice.levers[n] !== undefined && choice.levers[n] !== defaults[n],
    ).length;
    leversFold.setSummary(
      changed === 0 ? 'the scenario’s own values' : `${changed} changed from the scenario’s values`,
    );
  }

  function renderSeats(sc: Scenario): void {
    seats.append(
      h('legend', {}, 'Sides'),
      h(
        'p',
        { class: 'hint' },
        'Pick who plays each seat. Several humans take turns on this screen (hot seat). What each side is after is under Victory conditions.',
      ),
    );
    for (const actor of PLAYABLE_ACTORS)
      seats.append(
        seatRow(sc, actor, 'seat', choice.controllers[actor], (who) => {
          choice.controllers = { ...choice.controllers, [actor]: who };
          seatsSummary(sc);
        }),
      );
    seatsSummary(sc);
  }

  function renderLevers(sc: Scenario): void {
    const defaults = defaultLevers(sc);
    const reset = h('button', { type: 'button', class: 'ghost small' }, 'Reset to defaults');
    reset.addEventListener('click', () => {
      choice.levers = {};
      clear(leverBox);
      renderLevers(sc);
    });
    leversSummary(sc);
    leverBox.append(
      h('legend', {}, 'Levers'),
      h('p', { class: 'hint' }, 'What-if knobs. Each starts at the scenario’s own value.'),
      reset,
    );
    for (const name of LEVER_NAMES) leverBox.append(leverControl(sc, name, defaults));
  }

  function leverControl(sc: Scenario, name: LeverName, defaults: Levers): HTMLElement {
    const def = sc.levers[name];
    const domain = LEVER_DOMAINS[name];
    const id = `lever-${name}`;
    const current = choice.levers[name] ?? defaults[name];
    const row = h('div', { class: 'lever', 'data-testid': id });
    const label = h('label', { for: id, text: LEVER_LABELS[name] });
    const meaning = h('p', { class: 'meaning', id: `${id}-meaning`, text: def.meaning });
    let control: HTMLElement;
    if (domain.kind === 'enum') {
      const values = def.values ?? [...domain.values];
      const select = h('select', { id, 'aria-describedby': `${id}-meaning` });
      for (const v of values)
        select.append(h('option', { value: v, selected: v === current, text: humanizeValue(v) }));
      select.addEventListener('change', () => {
        choice.levers[name] = select.value;
        leversSummary(sc);
      });
      control = select;
    } else if (domain.kind === 'boolean') {
      const box = h('input', {
        id,
        type: 'checkbox',
        checked: current === true,
        'aria-describedby': `${id}-meaning`,
      });
      box.addEventListener('change', () => {
        choice.levers[name] = box.checked;
        leversSummary(sc);
      });
      control = box;
    } else {
      const min = def.min ?? domain.min;
      const max = def.max ?? domain.max;
      const step = def.step ?? (domain.kind === 'integer' ? 1 : 0.05);
      const out = h('output', { for: id, class: 'value', text: String(current) });
      const range = h('input', {
        id,
        type: 'range',
        min,
        max,
        step,
        value: String(current),
        'aria-describedby': `${id}-meaning`,
      });
      range.addEventListener('input', () => {
        out.textContent = range.value;
        choice.levers[name] = Number(range.value);
        leversSummary(sc);
      });
      control = h(
        'span',
        { class: 'range' },
        h('span', { class: 'bound', text: String(min) }),
        range,
        h('span', { class: 'bound', text: String(max) }),
        out,
      );
    }
    row.append(label, control, meaning);
    return row;
  }

  const openBtn = h(
    'button',
    {
      type: 'button',
      class: 'ghost',
      title:
        'Open a replay (.json) to watch it, or a scenario file to play it; or drop the file anywhere',
      'data-testid': 'open-file',
    },
    'Open replay or scenario…',
  );
  openBtn.addEventListener('click', () => library.openFile());
  const saved = savedGamesPanel(library);
  const left = h(
    'div',
    { class: 'setup-left' },
    saved.el,
    h('h2', {}, 'Scenario'),
    scenarioList,
    briefing,
    goals,
  );
  const seedRow = h(
    'div',
    { class: 'seed-row' },
    h('label', { for: 'seed' }, 'Seed'),
    seedInput,
    newSeed,
    h(
      'p',
      { class: 'hint' },
      'The same scenario, seed, levers and decisions always give the same game.',
    ),
  );
  const turnsRow = h(
    'div',
    { class: 'seed-row turns-row' },
    h('label', { for: 'turn-limit' }, 'Turns'),
    turnsInput,
    turnsHint,
  );
  const right = h(
    'div',
    { class: 'setup-right' },
    h('h2', {}, 'Game'),
    seedRow,
    turnsRow,
    sidesFold.el,
    leversFold.el,
    session?.el,
  );
  el.append(
    h(
      'header',
      { class: 'setup-head' },
      h('h1', {}, 'Second Front'),
      h(
        'p',
        { class: 'tagline' },
        'China moves on Taiwan and presses Russia to keep NATO busy in Europe. Both fronts, one crisis.',
      ),
      h('span', { class: 'head-actions' }, start, saved.continueButton, openBtn),
    ),
    error,
    h('div', { class: 'setup-body' }, left, right),
  );
  renderScenarios();
  renderDetails();
  queueMicrotask(() => start.focus());
  return { el };
}

function humanizeValue(v: string): string {
  return v.replace(/-/g, ' ');
}
