import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createAppQueryClient } from './app/app';
import { AppProviders } from './app/providers';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const queryClient = createAppQueryClient();

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <App />
    </AppProviders>
  </StrictMode>,
);
