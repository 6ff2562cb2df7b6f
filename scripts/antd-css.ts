// Ant Design's static stylesheet (antd/dist/antd.css) holds every component's rules: about 1 MB,
// of which the renderer uses half. The rest is parsed at every start and matched against every
// element at every style recalculation: each component brings rules such as
// `.ant-table-css-var [class^="ant-table"]`, which Chromium checks for every element with a class.
// The renderer build drops the rules of components it never renders (cold start 3k: mean 1,322
// → 1,284 ms; longest renderer task during the first sync: mean 88 → 73 ms, alternated builds).

/**
 * Each antd component the renderer imports, and the class roots of the DOM it renders, its
 * inner components' included (`btn` stands for `ant-btn` and every `ant-btn-…` class). A root
 * ending in `=` is that class alone: Form's grid renders `ant-col` but no span classes.
 * tests/unit/scripts/antd-css.test.ts fails when an imported component is missing here, and the
 * end-to-end seller's day fails when the app renders an antd class whose rules were dropped.
 */
export const ANTD_CLASS_ROOTS: Readonly<Record<string, readonly string[]>> = {
  Alert: ['alert'],
  App: ['app'],
  Badge: ['badge', 'scroll-number'],
  Button: ['btn', 'wave'],
  Card: ['card'],
  Checkbox: ['checkbox'],
  ConfigProvider: [],
  DatePicker: ['picker', 'btn'],
  Drawer: ['drawer'],
  Empty: ['empty'],
  Form: ['form', 'row', 'col='],
  Input: ['input', 'space', 'btn'],
  List: ['list', 'spin', 'empty', 'row', 'col='],
  Menu: ['menu', 'tooltip'],
  Modal: ['modal', 'btn'],
  Popconfirm: ['popconfirm', 'popover', 'btn'],
  Radio: ['radio'],
  Select: ['select', 'empty'],
  Space: ['space'],
  Spin: ['spin'],
  Tag: ['tag'],
  Tooltip: ['tooltip'],
  Typography: ['typography'],
};

/** Enter and leave animations any of them may run (antd's motion is off, rc-motion still names them). */
const SHARED_ROOTS = ['zoom', 'fade', 'slide', 'move', 'motion'];

/** Other components whose class names start like a kept root's. */
const OTHER_COMPONENTS = ['input-number', 'select-tree'];

const within = (cls: string, root: string): boolean =>
  cls === `ant-${root}` || cls.startsWith(`ant-${root}-`);

const ROOTS = [...new Set([...Object.values(ANTD_CLASS_ROOTS).flat(), ...SHARED_ROOTS])];

/** Whether the renderer can render an element with this `ant-…` class. */
export function keepsAntdClass(cls: string): boolean {
  if (OTHER_COMPONENTS.some((root) => within(cls, root))) return false;
  return ROOTS.some((root) =>
    root.endsWith('=') ? cls === `ant-${root.slice(0, -1)}` : within(cls, root),
  );
}

/** The selector without its `:not(…)` parts, whose classes need not be on the page. */
function withoutNegations(selector: string): string {
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    if (!selector.startsWith(':not(', i)) {
      out += selector.charAt(i);
      continue;
    }
    let depth = 0;
    for (i += 4; i < selector.length; i++) {
      if (selector[i] === '(') depth++;
      else if (selector[i] === ')' && --depth === 0) break;
    }
  }
  return out;
}

/**
 * antd's sheet scopes its CSS variables under the React ids of the server render it was made
 * from (`.css-var-_R_0_`); a page rendered in the browser gets ids of another form
 * (`css-var-_r_0_`), and antd inserts its variables under those at run time. Class selectors
 * are case-sensitive: these rules (about 58 kB, 1,500 custom properties) never match.
 */
const SERVER_RENDER_SCOPE = /\.css-var-_R_/;

/** Whether a selector can match on the renderer's pages: every antd class it needs is kept. */
export function keepsSelector(selector: string): boolean {
  if (SERVER_RENDER_SCOPE.test(selector)) return false;
  const needed = withoutNegations(selector).matchAll(/\.(ant-[\w-]+)/g);
  return [...needed].every(([, cls]) => cls !== undefined && keepsAntdClass(cls));
}

// The few PostCSS node shapes used here, so the build needs no import of PostCSS (Vite runs it).
interface CssRule {
  selectors: string[];
  parent?: { type: string; name?: string } | undefined;
  remove(): void;
}
interface CssAtRule {
  nodes?: unknown[] | undefined;
  remove(): void;
}
interface CssRoot {
  source?: { input: { file?: string | undefined } } | undefined;
  walkRules(visit: (rule: CssRule) => void): void;
  walkAtRules(visit: (rule: CssAtRule) => void): void;
}

const ANTD_SHEET = /[\\/]antd[\\/]dist[\\/]antd\.css$/;

/** A PostCSS plugin for Vite's `css.postcss.plugins`: antd's sheet without unused components. */
export function antdUsedRulesOnly(): { postcssPlugin: string; Once(root: CssRoot): void } {
  return {
    postcssPlugin: 'toiawase:antd-used-rules-only',
    Once(root) {
      if (!ANTD_SHEET.test(root.source?.input.file ?? '')) return;
      root.walkRules((rule) => {
        if (rule.parent?.type === 'atrule' && rule.parent.name?.endsWith('keyframes')) return;
        const kept = rule.selectors.filter(keepsSelector);
        if (kept.length === 0) rule.remove();
        else if (kept.length < rule.selectors.length) rule.selectors = kept;
      });
      root.walkAtRules((at) => {
        if (at.nodes?.length === 0) at.remove();
      });
    },
  };
}
