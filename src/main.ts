import './app/styles.css';
import { mountApp } from './app/app';

// Phaser and the world atlas are loaded lazily, so the setup screen comes up at once; they are
// fetched in the background while the player reads it, so Start does not wait for them.
const loadView = () => import('./view/start');
const root = document.getElementById('app');
if (root) {
  mountApp(root, async (parent) => (await loadView()).startView(parent));
  setTimeout(() => {
    void loadView();
    void import('./view/atlas').then((m) => m.loadAtlas());
  }, 0);
}
