import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { appStore, startBridge } from './store';
import './styles/base.css';
import './styles/layout.css';
import './styles/screens.css';
import './styles/report.css';
import './styles/watch.css';
import './styles/print.css';

startBridge();
void appStore.getState().boot();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
