/**
 * The Phaser the game ships: built by Vite from Phaser's own source (`phaser/src`), with only the
 * parts the view uses, instead of the prebuilt `dist/phaser.esm.js` that carries every feature
 * (WebGL renderer and its shaders, filters, physics, tilemaps, sound, video, spine, particles...).
 *
 * `vite.config.ts` points `import Phaser from 'phaser'` here for the browser build; the types
 * still come from Phaser's own `types/phaser.d.ts`. Phaser's feature flags (`typeof
 * WEBGL_RENDERER` and the like, which its own webpack build defines) are set there too: the
 * Canvas renderer only, no sound.
 *
 * The scene systems' core plugins (events, cameras, add/make, scene, display and update lists)
 * register themselves when required, and the game refuses to boot without them. Requiring a
 * game object's factory registers it with the scene's `add` (`this.add.text`):
 * every factory the view calls is listed below. A plugin that is not required (Loader, Clock,
 * Data, Lights, Keyboard) is skipped by the scene systems, which the view never asks for.
 */
import CONST from 'phaser/src/const.js';
import Cameras2D from 'phaser/src/cameras/2d/index.js';
import CoreEvents from 'phaser/src/core/events/index.js';
import Game from 'phaser/src/core/Game.js';
import 'phaser/src/events/EventEmitter.js';
import 'phaser/src/gameobjects/DisplayList.js';
import 'phaser/src/gameobjects/GameObjectCreator.js';
import 'phaser/src/gameobjects/GameObjectFactory.js';
import 'phaser/src/gameobjects/UpdateList.js';
import 'phaser/src/scene/ScenePlugin.js';
import Container from 'phaser/src/gameobjects/container/Container.js';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import Graphics from 'phaser/src/gameobjects/graphics/Graphics.js';
import 'phaser/src/gameobjects/graphics/GraphicsFactory.js';
import Image from 'phaser/src/gameobjects/image/Image.js';
import 'phaser/src/gameobjects/image/ImageFactory.js';
import Text from 'phaser/src/gameobjects/text/Text.js';
import 'phaser/src/gameobjects/text/TextFactory.js';
import 'phaser/src/input/InputPlugin.js';
import Pointer from 'phaser/src/input/Pointer.js';
import Clamp from 'phaser/src/math/Clamp.js';
import Scale from 'phaser/src/scale/index.js';
import Scene from 'phaser/src/scene/Scene.js';
import SceneConst from 'phaser/src/scene/const.js';
import SceneEvents from 'phaser/src/scene/events/index.js';
import CanvasTexture from 'phaser/src/textures/CanvasTexture.js';
import TweenManager from 'phaser/src/tweens/TweenManager.js';
import Tween from 'phaser/src/tweens/tween/Tween.js';

const Phaser = {
  ...CONST,
  Cameras: { Scene2D: Cameras2D },
  Core: { Events: CoreEvents },
  Game,
  GameObjects: { Container, Graphics, Image, Text },
  Input: { Pointer },
  Math: { Clamp },
  Scale,
  Scene,
  Scenes: { ...SceneConst, Events: SceneEvents },
  Textures: { CanvasTexture },
  Tweens: { Tween, TweenManager },
};

export default Phaser;
