import './app/styles.css';
import { mountApp } from './app/app';

// Phaser is loaded only when a game starts: the setup screen comes up without waiting for it.
const root = document.getElementById('app');
if (root)
  mountApp(root, async (parent) => {
    const { startView } = await import('./view/start');
    return startView(parent);
  });
