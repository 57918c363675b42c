import './i18n';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './app/App';
import { api } from './store/api';
import { store } from './store/store';
import './styles.css';
import './screens.css';
import './shell.css';

// The two answers that decide the first screen (who is signed in, in which language) are asked
// for before React's first render, so their round trip runs alongside that render instead of
// after it. The App's hooks then find them in flight or answered.
store.dispatch(api.endpoints.accessState.initiate());
store.dispatch(api.endpoints.preferences.initiate());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <Provider store={store}>
    <App />
  </Provider>,
);
