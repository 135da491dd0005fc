import { Suspense } from 'react';
import { LoginForm } from './LoginForm';
import { SsoChoices } from './SsoChoices';

export default function LoginPage() {
  // useSearchParams (the ?next= target) needs a Suspense boundary.
  return (
    <Suspense>
      <LoginForm alternatives={<SsoChoices />} />
    </Suspense>
  );
}
