import './app/zod-jitless';
import './app/styles.css';
import './app/classroom/classroom.css';
import { mountApp } from './app/app';

// Phaser and the world atlas are loaded lazily, so the setup screen comes up at once; the map view
// is then booted in the background while the player reads it, so Start does not wait for it.
const loadView = () => import('./view/start');
const root = document.getElementById('app');
if (root) {
  const app = mountApp(root, async (parent) => (await loadView()).startView(parent));
  setTimeout(() => app.preloadView(), 0);
}
