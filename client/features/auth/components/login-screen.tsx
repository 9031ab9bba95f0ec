import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/language-switch';
import { toAppError } from '../../../lib/app-error';
import { useLogin } from '../api/auth-queries';

type FieldErrors = { username?: string; password?: string };

export function LoginScreen() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (username.trim().length === 0) errors.username = t('auth.usernameRequired');
    if (password.length === 0) errors.password = t('auth.passwordRequired');
    setFieldErrors(errors);
    if (errors.username !== undefined || errors.password !== undefined) return;
    login.mutate({ username: username.trim(), password });
  };

  const errorMessage = (() => {
    if (login.error === null) return null;
    const error = toAppError(login.error);
    if (error.code === 'rate_limited' || error.status === 429) return t('auth.rateLimited');
    if (error.code === 'unauthenticated' || error.status === 401) {
      return t('auth.invalidCredentials');
    }
    if (error.code === 'network' || error.code === 'unavailable') return t('auth.network');
    return t('auth.failed');
  })();

  return (
    <Box mih="100dvh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center mt="8vh">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <div>
                <Text fw={700} c="teal.8" size="xl">
                  {t('app.name')}
                </Text>
                <Title order={1} size="h3" id="login-title">
                  {t('auth.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('auth.subtitle')}
                </Text>
              </div>
              {errorMessage !== null && (
                <Alert
                  color="red"
                  icon={<IconAlertCircle size={18} aria-hidden />}
                  role="alert"
                  data-testid="login-error"
                >
                  {errorMessage}
                </Alert>
              )}
              <TextInput
                label={t('auth.username')}
                name="username"
                autoComplete="username"
                autoFocus
                value={username}
                onChange={(event) => setUsername(event.currentTarget.value)}
                error={fieldErrors.username}
                data-testid="login-username"
              />
              <PasswordInput
                label={t('auth.password')}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrors.password}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                data-testid="login-password"
              />
              <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
                {t('auth.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
