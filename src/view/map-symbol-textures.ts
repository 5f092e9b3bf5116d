import type Phaser from 'phaser';

/**
 * The unit symbols of assets/symbols/, bundled as SVG text and rasterised once per page into
 * canvases that the map scene turns into textures. Each is drawn at the screen's pixel ratio
 * (up to 2), so counters stay crisp; an image shows it at `1 / SYMBOL_RES`.
 */

const FILES = import.meta.glob<string>('../../assets/symbols/*.svg', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Rasterised pixels per CSS pixel. */
export const SYMBOL_RES = Math.max(1, Math.min(2, globalThis.devicePixelRatio || 1));

/** Height on screen, in CSS px, of milsymbol's size-24 symbol box (the frames fit inside). */
export const SYMBOL_SCALE = 0.5;

/** The texture key of a symbol file (`friend-armour`). */
export function textureKey(name: string): string {
  return `sym-${name}`;
}

function rasterise(svg: string): Promise<HTMLCanvasElement> {
  const img = new Image();
  // A data URL (the page's policy allows `img-src data:`): nothing is fetched.
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return img.decode().then(() => {
    const k = SYMBOL_SCALE * SYMBOL_RES;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.ceil(img.naturalWidth * k));
    canvas.height = Math.max(1, Math.ceil(img.naturalHeight * k));
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas;
  });
}

/** Rasterise every symbol: name (`friend-armour`) → canvas. */
export async function loadSymbols(): Promise<Map<string, HTMLCanvasElement>> {
  const out = new Map<string, HTMLCanvasElement>();
  await Promise.all(
    Object.entries(FILES).map(async ([path, svg]) => {
      const name = path.replace(/^.*\//, '').replace(/\.svg$/, '');
      out.set(name, await rasterise(svg));
    }),
  );
  return out;
}

/** Give a scene the symbols as textures (once; a scene that already has them keeps them). */
export function addSymbolTextures(
  scene: Phaser.Scene,
  symbols: ReadonlyMap<string, HTMLCanvasElement>,
): void {
  for (const [name, canvas] of symbols) {
    const key = textureKey(name);
    if (!scene.textures.exists(key)) scene.textures.addCanvas(key, canvas);
  }
}
