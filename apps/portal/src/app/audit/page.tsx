'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { canReadAudit } from '../../lib/access';
import { AnchorsPanel } from './AnchorsPanel';
import { AuditTrail } from './AuditTrail';
import { VerifyChain } from './VerifyChain';

export default function AuditPage() {
  return (
    <RequireAuth allow={canReadAudit}>
      {() => (
        <>
          <VerifyChain />
          <AnchorsPanel />
          <AuditTrail />
        </>
      )}
    </RequireAuth>
  );
}
