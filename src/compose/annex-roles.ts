import type { AnnexRole } from '../model/types.js';
import type { AnnexId, ContractParams } from '../params/types.js';

/**
 * The legal role of each annex (see AnnexRole). The change agreement is a sample form until
 * changes are given: signing a blank agreement would let anyone fill it in later.
 */
export function annexRole(id: AnnexId, params: ContractParams): AnnexRole {
  switch (id) {
    case 'nda':
      return 'signed';
    case 'changeAgreement':
      return params.changes.length > 0 ? 'signed' : 'form';
    case 'maintenanceLog':
    case 'userManual':
      return 'reference';
    case 'serviceSpec':
    case 'feeSchedule':
    case 'outageCompensation':
    case 'sla':
      return 'integral';
  }
}
