import './i18n';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './app/App';
import { takeFirstAnswers } from './bridge/firstAnswers';
import { startApi, type Out } from './store/startApi';
import { store } from './store/store';
import './styles.css';
import './screens.css';
import './shell.css';

// The two answers that decide the first screen (who is signed in, in which language) came with
// the page; put into the cache before React's first render, that render already draws the screen.
// Without them, or when one is a refusal, the queries ask the host as every later query does.
const first = takeFirstAnswers();
const access = first?.['access.state'];
const preferences = first?.['preferences.get'];
if (access?.ok && preferences?.ok) {
  store.dispatch(
    startApi.util.upsertQueryEntries([
      { endpointName: 'accessState', arg: undefined, value: access.value as Out<'access.state'> },
      { endpointName: 'preferences', arg: undefined, value: preferences.value as Out<'preferences.get'> },
    ]),
  );
} else {
  store.dispatch(startApi.endpoints.accessState.initiate());
  store.dispatch(startApi.endpoints.preferences.initiate());
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <Provider store={store}>
    <App />
  </Provider>,
);
