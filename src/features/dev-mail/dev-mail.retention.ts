import { fileMailDir, forgetFileMailBefore } from '../../platform/mail/mailer';
import type { RetentionRecordType } from '../../platform/module';

export const devMailRetention: RetentionRecordType[] = [
  {
    key: 'dev-mail.development-mail',
    name: 'Development mail',
    description:
      'Only where no mail server is set up (development and the demo): each email Waymark would have sent, written to its data folder instead, from when it was written',
    action: 'deleted',
    defaultMonths: 1,
    minimumMonths: 1,
    basis:
      'It repeats messages (sign-in links among them) that exist only for trying Waymark out; an installation with a mail server keeps none. The folder serves every organisation on the installation, so the shortest period chosen applies',
    async apply(_trx, _organisationId, cutoff, context) {
      if (!context || context.config.SMTP_URL) return 0;
      return forgetFileMailBefore(fileMailDir(context.config.DATA_DIR), cutoff);
    },
  },
];
