import './i18n';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './app/App';
import { startApi } from './store/startApi';
import { store } from './store/store';
import './styles.css';
import './screens.css';
import './shell.css';

// The two answers that decide the first screen (who is signed in, in which language) were asked
// for by the first answers' own script (bridge/firstAnswers.ts) while this code downloaded; these
// queries take them before React's first render, so that render can already draw the screen.
store.dispatch(startApi.endpoints.accessState.initiate());
store.dispatch(startApi.endpoints.preferences.initiate());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <Provider store={store}>
    <App />
  </Provider>,
);
