/** `npm run bench [-- options]`: the project's benchmarks, each printing ratios against a baseline measured in the same run. */
import { runCampaignAnnouncementBench } from './campaignAnnouncement';

async function main() {
  await runCampaignAnnouncementBench(process.argv.slice(2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
